// `centile/web`: the same functions plus explicit initialisation. Type-checked with --strict (tsc.test.mjs).
import init, { initSync, calculation, bulkCalculation, CentileError } from 'centile/web';
import type { InitInput, InitOutput, MeasurementObject, SyncInitInput } from 'centile/web';

async function start(): Promise<MeasurementObject> {
  const output: InitOutput = await init();
  console.log(output.memory.buffer.byteLength);
  await init({});
  await init({ module_or_path: new URL('https://127.0.0.1/centile_bg.wasm') });
  await init({ module_or_path: fetch('/centile_bg.wasm') });
  const input: InitInput = '/centile_bg.wasm';
  await init({ module_or_path: input });
  return calculation('uk-who', {
    birth_date: '2018-03-14', observation_date: '2028-03-14', observation_value: 140, sex: 'male', measurement_method: 'height',
  });
}

function startSync(bytes: ArrayBuffer, compiled: WebAssembly.Module): void {
  const fromBytes: SyncInitInput = bytes;
  initSync({ module: fromBytes });
  initSync({ module: compiled });
  const results = bulkCalculation('who', {
    birth_date: '2020-01-01', sex: 'female', measurement_method: 'weight',
    observations: [{ observation_date: '2021-01-01', observation_value: 9 }],
  }).results;
  console.log(results.length, CentileError.name);
}

console.log(start, startSync);
