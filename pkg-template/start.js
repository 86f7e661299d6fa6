// Why the ES module entries (the default browser/bundler entry and `centile/web`) could not start their
// WebAssembly instance. Those entries (pkg-template/entries/) inline this file after instance.js, so it uses no
// import or export.

/** A CentileError with status 503: centile cannot compute at all (not initialised, or WebAssembly refused). */
function unavailable(message, cause) {
  const e = new CentileError(message, [{ loc: [], msg: message, type: 'unavailable', input: null }]);
  e.status = 503;
  if (cause !== undefined) e.cause = cause;
  return e;
}

/** The message for a module that could not be compiled or instantiated (naming the CSP rule when it was that). */
function startFailure(e) {
  const reason = String(e && e.message ? e.message : e);
  const js = ' (or import centile/js: the same engine as plain JavaScript, which needs no WebAssembly)';
  if (typeof WebAssembly === 'undefined') return `centile could not start: this engine has no WebAssembly${js}.`;
  return `centile could not start its WebAssembly module: ${reason}` + (/Content.Security.Policy|CSP|unsafe-eval|disallowed/i.test(reason)
    ? `. WebAssembly needs 'wasm-unsafe-eval' in the page's Content-Security-Policy (script-src)${js}.` : '');
}
