// Writes docs/charts-example.svg, the chart shown in docs/charts.md and the README: a fictional boy born at 32+2
// weeks, his length / height over three years drawn by centile/chart (both ages, an event and a bone age).
// tests/js/chart.test.mjs checks the committed file is what this script draws.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bulkCalculation } from '../pkg/bundler/index.js';
import { renderChart } from '../pkg/chart/index.js';

/** The example chart's SVG. */
export function example() {
  const born = Date.UTC(2021, 2, 1);
  const observations = [12, 40, 75, 110, 160, 220, 300, 400, 520, 640, 760, 900, 1050].map((day, i) => ({
    observation_date: new Date(born + day * 864e5).toISOString().slice(0, 10),
    observation_value: [38.2, 42.9, 47.1, 51.6, 56.4, 61.2, 66.3, 71.4, 77.0, 81.9, 86.1, 90.8, 95.2][i],
    ...(i === 6 ? { events_text: ['Referred to dietitian'] } : {}),
    ...(i === 11 ? { bone_age: 2.1, bone_age_type: 'greulich-pyle' } : {}),
  }));
  const { results } = bulkCalculation('uk-who', { birth_date: '2021-03-01', sex: 'male', measurement_method: 'height', gestation_weeks: 32, gestation_days: 2, observations });
  return renderChart({ reference: 'uk-who', sex: 'male', measurement_method: 'height', measurements: results, childLabel: 'Example child (fictional)' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(fileURLToPath(new URL('../docs/charts-example.svg', import.meta.url)), `${example()}\n`);
}
