// Runs inside the strict-CSP page: golden vectors through centile/js, then what the WebAssembly entries say.
import * as centileJs from '/pkg/js/index.js';

const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
const failure = (e) => ({ name: e.name, message: e.message, status: e.status });
const out = { violations };

// The policy is in force: this page cannot compile even an empty WebAssembly module.
try {
  new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  out.wasmCompiles = true;
} catch (e) {
  out.wasmCompiles = false;
}

const { cases } = await (await fetch('/sample.json')).json();
out.calculation = cases.map(([reference, body]) => {
  try {
    return { ok: centileJs.calculation(reference, body) };
  } catch (e) {
    return { err: { name: e.name, message: e.message, detail: e.detail } };
  }
});

const body = cases.find(([, , valid]) => valid)[1];
try {
  const web = await import('/pkg/web/index.js');
  await web.default();
  web.calculation('uk-who', body);
  out.web = 'computed';
} catch (e) {
  out.web = failure(e);
}
try {
  const entry = await import('/pkg/bundler/index.js');
  entry.calculation('uk-who', body);
  out.default = 'computed';
} catch (e) {
  out.default = failure(e);
}
document.getElementById('out').textContent = JSON.stringify(out);
document.body.dataset.done = '1';
