// A CommonJS TypeScript consumer (`require`), checked under `nodenext` resolution (tsc.test.mjs): the package's
// `node` condition must give CommonJS types (index.d.cts), or TypeScript reports TS1479.
import centile = require('centile');
import type { MeasurementObject } from 'centile';

const m: MeasurementObject = centile.calculation('who', {
  birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'female', measurement_method: 'height',
});
const error: typeof centile.CentileError = centile.CentileError;
console.log(m.measurement_calculated_values.corrected_sds, error.name);
