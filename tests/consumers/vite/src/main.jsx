// A React page built by Vite: `centile` through its default (bundler) entry on the main thread, feeding the
// RCPCH chart component our measurement object and mid-parental height (its lines are our chart coordinates);
// `bulkCalculation` from `centile/web` in a module Web Worker. body[data-ready] is set once everything is in.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { calculation, midParentalHeight } from 'centile';
import testCase from './case.json';
import { CentileChart } from './rcpch-chart.jsx';

const { reference, request, bulk } = testCase;
const measurement = calculation(reference, request);
const mph = midParentalHeight({ height_maternal: 163, height_paternal: 178, sex: request.sex, reference });

function Chart({ mph }) {
  return (
    <CentileChart title="centile test child" reference={reference} sex={request.sex} method={request.measurement_method}
      measurements={[measurement]} mph={mph} height={600} width={800} />
  );
}

function App() {
  const [worker, setWorker] = useState(null);
  useEffect(() => {
    const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    w.onmessage = (e) => setWorker(e.data);
    w.onerror = (e) => setWorker({ error: e.message ?? 'worker error' });
    w.postMessage({ reference, request: bulk });
    return () => w.terminate();
  }, []);
  useEffect(() => { if (worker) document.body.dataset.ready = '1'; }, [worker]);
  const sds = measurement.measurement_calculated_values.corrected_sds;
  const workerResults = worker?.ok?.results;
  return (
    <main>
      <p>Corrected SDS (main thread, bundler entry): <output id="sds" data-value={sds}>{sds.toFixed(4)}</output></p>
      <p>Mid-parental height: <output id="mph" data-value={mph.mid_parental_height}>{mph.mid_parental_height} cm</output></p>
      <p>Worker (centile/web): <output id="worker" data-value={JSON.stringify(worker)}>
        {workerResults ? `${workerResults.length} results, first SDS ${workerResults[0].measurement_calculated_values.corrected_sds.toFixed(4)}` : worker?.error ?? '…'}
      </output></p>
      <div id="chart"><Chart mph={mph} /></div>
      {/* The same chart without mid-parental height, off screen: the difference in SVG paths is what our mid-parental data drew. */}
      <div id="chart-without-mph" style={{ position: 'absolute', left: -5000, top: 0 }}><Chart mph={undefined} /></div>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
