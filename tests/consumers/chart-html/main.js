// A plain page: <centile-chart> from the installed package, its measurements from bulkCalculation.
import { bulkCalculation } from 'centile';
import 'centile/element';
import testCase from './src/case.js';

const { reference, request } = testCase.chart;
const chart = document.getElementById('chart');
chart.setAttribute('reference', reference);
chart.setAttribute('sex', request.sex);
chart.setAttribute('measurement-method', request.measurement_method);
chart.setAttribute('child-label', 'Plain page child');
chart.measurements = bulkCalculation(reference, request).results;
document.body.dataset.ready = '1';
