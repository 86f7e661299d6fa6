'use client';
// A client component using the default entry: rendered on the server at build time (prerendering) and again in
// the browser, where the effect computes afresh and reports to body[data-result].
import { useEffect } from 'react';
import { calculation, CentileError } from 'centile';
import testCase from '../case.js';

export default function Sds() {
  const sds = calculation(testCase.reference, testCase.request).measurement_calculated_values.corrected_sds;
  useEffect(() => {
    const client = calculation(testCase.reference, testCase.request).measurement_calculated_values.corrected_sds;
    let error = null;
    try {
      calculation(testCase.reference, { ...testCase.request, measurement_method: 'length' });
    } catch (e) {
      error = e instanceof CentileError ? e.status : `${e?.name}: ${e?.message}`;
    }
    document.body.dataset.result = JSON.stringify({ sds: client, error });
    document.body.dataset.ready = '1';
  }, []);
  return <p>Corrected SDS: <output id="sds">{sds.toFixed(4)}</output></p>;
}
