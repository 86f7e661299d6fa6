// React 19: CentileChart from centile/react drawing the measurements bulkCalculation returns.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bulkCalculation } from 'centile';
import { CentileChart } from 'centile/react';
import testCase from './case.js';

const { reference, request } = testCase.chart;
const measurements = bulkCalculation(reference, request).results;

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <h1>Growth chart</h1>
    <CentileChart reference={reference} sex={request.sex} measurement_method={request.measurement_method}
      measurements={measurements} ageWindow="whole" childLabel="React child" />
  </StrictMode>,
);
document.body.dataset.ready = '1';
