// A module Web Worker using the `centile/web` entry: initialise (fetches the .wasm Vite emitted), run
// bulkCalculation, post the result back.
import init, { bulkCalculation } from 'centile/web';

self.onmessage = async ({ data }) => {
  try {
    await init();
    self.postMessage({ ok: bulkCalculation(data.reference, data.request) });
  } catch (e) {
    self.postMessage({ error: `${e.name}: ${e.message}` });
  }
};
