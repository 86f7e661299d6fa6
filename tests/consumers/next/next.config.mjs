// A static export, so run.mjs can serve out/ like the other consumers; nothing about centile or WebAssembly.
export default { output: 'export' };
