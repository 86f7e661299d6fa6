// The page every bundler consumer builds (run.mjs copies it to src/page.js, with the test case as src/case.js):
// the default entry of `centile`, with no plugin, no bundler setting and no init call. It writes the result to
// body[data-result] and sets body[data-ready].
import { calculation, CentileError } from 'centile';
import testCase from './case.js';

const t0 = performance.now();
const sds = calculation(testCase.reference, testCase.request).measurement_calculated_values.corrected_sds;
const firstCallMs = performance.now() - t0;
let error = null;
try {
  calculation(testCase.reference, { ...testCase.request, measurement_method: 'length' });
} catch (e) {
  error = e instanceof CentileError ? e.status : `${e?.name}: ${e?.message}`;
}
document.getElementById('sds').textContent = sds.toFixed(4);
document.body.dataset.result = JSON.stringify({ sds, error, firstCallMs });
document.body.dataset.ready = '1';
