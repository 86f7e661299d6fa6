// A second Metro entry for tests/hermes/run.mjs: runs a sample of the rcpchgrowth 4.6.5 golden vectors
// (sample.json, written by the runner) through `centile` as resolved for React Native, draws charts with
// centile/chart (for react-native-svg's SvgXml), and prints what it got for the runner to compare. `print` is the hermes binary's console.
import * as centile from 'centile';
import { renderChart } from 'centile/chart';
import sample from './sample.json';

const attempt = (fn) => {
  try {
    return { ok: fn() };
  } catch (e) {
    return { err: { name: e.name, message: e.message, detail: e.detail } };
  }
};
const out = {
  calculation: sample.calculation.map(([reference, body]) => attempt(() => centile.calculation(reference, body))),
  charts: sample.charts.map(([reference, request]) => attempt(() => centile.chartCoordinates(reference, request))),
  midParentalHeight: sample.midParentalHeight.map((request) => attempt(() => centile.midParentalHeight(request))),
  fictionalChild: sample.fictionalChild.map(([reference, request]) => attempt(() => centile.fictionalChildData(reference, request))),
  sds: Array.from(centile.sdsForMeasurements('uk-who', 'height', 'male', new Float64Array(sample.sds.ages), new Float64Array(sample.sds.values))),
  chartSvg: sample.chartSvg.map((options) => attempt(() => renderChart(options))),
  usesWebAssembly: typeof WebAssembly !== 'undefined',
};
print(JSON.stringify(out));
