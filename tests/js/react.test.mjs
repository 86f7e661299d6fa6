// centile/react on the server (React 19's react-dom/server in Node): CentileChart renders renderChart's SVG for its
// props in a <div>, beside its hidden tooltip, the same for the same props; the browser side is in tests/chart/run.mjs.
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

/** CentileChart's markup around an SVG: the chart's <div> (with `className`), the SVG's own <div>, the hidden tooltip. */
const TOOLTIP = /^<div class="centile-tooltip" hidden="" style="position:absolute;pointer-events:none;[^"<>]*"><\/div><\/div>$/;
function markup(html, className) {
  const head = `<div${className ? ` class="${className}"` : ''} style="position:relative"><div>`;
  assert.ok(html.startsWith(head), html.slice(0, 80));
  const end = html.lastIndexOf('</svg></div>') + '</svg>'.length;
  assert.match(html.slice(end + '</div>'.length), TOOLTIP);
  return html.slice(head.length, end);
}

test('server rendering: a <div> holding renderChart(props), byte for byte, and a hidden tooltip', () => {
  assert.equal(markup(renderToStaticMarkup(createElement(CentileChart, { ...props, className: 'growth' })), 'growth'), renderChart(props));
  assert.equal(markup(renderToString(createElement(CentileChart, props))), renderChart(props));
});

test('a pure function of its props: the same props give the same markup, an edited visit a different one', () => {
  const a = renderToStaticMarkup(createElement(CentileChart, props));
  assert.equal(renderToStaticMarkup(createElement(CentileChart, { ...props, measurements: [...results] })), a);
  const edited = bulkCalculation('uk-who', { birth_date: '2020-01-01', sex: 'female', measurement_method: 'weight', gestation_weeks: 34,
    observations: [{ observation_date: '2020-01-31', observation_value: 2.9 }] }).results;
  const b = renderToStaticMarkup(createElement(CentileChart, { ...props, measurements: [edited[0], ...results.slice(1)] }));
  assert.notEqual(b, a);
  assert.equal(markup(b), renderChart({ ...props, measurements: [edited[0], ...results.slice(1)] }));
});
