// A React 19 page for tests/chart/run.mjs (bundled there by esbuild from pkg/): CentileChart drawing a child, with
// `window.edit(value)` changing one visit through props, `window.drawn()` renderChart's SVG for the current props,
// and `window.selected` the last point chosen.
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { bulkCalculation, calculation } from 'centile';
import { renderChart } from 'centile/chart';
import { CentileChart } from 'centile/react';

const birth = { birth_date: '2021-01-01', sex: 'female', measurement_method: 'weight', gestation_weeks: 36 };
const observations = [20, 60, 120, 200, 300, 420].map((d, i) => ({ observation_date: new Date(Date.UTC(2021, 0, 1) + d * 864e5).toISOString().slice(0, 10), observation_value: 2.6 + i * 1.3 }));
const first = bulkCalculation('uk-who', { ...birth, observations }).results;

function App() {
  const [measurements, setMeasurements] = useState(first);
  // flushSync: committed before edit() returns, as React commits a user's input event.
  window.edit = (value) => flushSync(() => setMeasurements((m) => m.with(2, calculation('uk-who', { ...birth, ...observations[2], observation_value: value }))));
  const props = { reference: 'uk-who', sex: 'female', measurement_method: 'weight', measurements, childLabel: 'React child' };
  window.drawn = () => renderChart(props);
  return <CentileChart {...props} className="react-chart" onPointSelect={(p) => { window.selected = p; }} />;
}
createRoot(document.getElementById('react')).render(<App />);
