// centile/react on the server (React 19's react-dom/server in Node): CentileChart renders renderChart's SVG for its
// props inside one <div>, the same for the same props; the browser side is in tests/chart/run.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { bulkCalculation } from '../../pkg/bundler/index.js';
import { renderChart } from '../../pkg/chart/index.js';
import { CentileChart } from '../../pkg/react/index.js';

const { results } = bulkCalculation('uk-who', { birth_date: '2020-01-01', sex: 'female', measurement_method: 'weight', gestation_weeks: 34,
  observations: [30, 90, 200, 400].map((d, i) => ({ observation_date: new Date(Date.UTC(2020, 0, 1) + d * 864e5).toISOString().slice(0, 10), observation_value: 2.4 + i * 2 })) });
const props = { reference: 'uk-who', sex: 'female', measurement_method: 'weight', measurements: results, childLabel: 'Server child' };

test('server rendering: one <div> holding renderChart(props), byte for byte', () => {
  const html = renderToStaticMarkup(createElement(CentileChart, { ...props, className: 'growth' }));
  assert.equal(html, `<div class="growth">${renderChart(props)}</div>`);
  assert.equal(renderToString(createElement(CentileChart, props)), `<div>${renderChart(props)}</div>`);
});

test('a pure function of its props: the same props give the same markup, an edited visit a different one', () => {
  const a = renderToStaticMarkup(createElement(CentileChart, props));
  assert.equal(renderToStaticMarkup(createElement(CentileChart, { ...props, measurements: [...results] })), a);
  const edited = bulkCalculation('uk-who', { birth_date: '2020-01-01', sex: 'female', measurement_method: 'weight', gestation_weeks: 34,
    observations: [{ observation_date: '2020-01-31', observation_value: 2.9 }] }).results;
  const b = renderToStaticMarkup(createElement(CentileChart, { ...props, measurements: [edited[0], ...results.slice(1)] }));
  assert.notEqual(b, a);
  assert.equal(b, `<div>${renderChart({ ...props, measurements: [edited[0], ...results.slice(1)] })}</div>`);
});
