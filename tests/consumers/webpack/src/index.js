// webpack consumer: the default (bundler) entry of `centile` in the browser.
import { calculation, CentileError } from 'centile';
import testCase from './case.json';

const { reference, request } = testCase;
const sds = calculation(reference, request).measurement_calculated_values.corrected_sds;
let error = null;
try { calculation(reference, { ...request, measurement_method: 'length' }); } catch (e) { error = e instanceof CentileError && e.status; }
document.getElementById('sds').textContent = sds.toFixed(4);
document.body.dataset.result = JSON.stringify({ sds, error });
document.body.dataset.ready = '1';
