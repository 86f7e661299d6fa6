// The RCPCH chart component as both of its consumers here draw it (tests/consumers/vite and the dGC client; each
// runner copies this file into the app's src/, where the component resolves): a still centile chart in the
// traditional theme, no zoom or export, clinician tooltips, of one method's measurement objects and, when given,
// a mid-parental height.
import React from 'react';
import { RCPCHChart } from '@rcpch/digital-growth-charts-react-component-library';

export function CentileChart({ title, reference, sex, method, measurements, mph, width, height }) {
  return (
    <RCPCHChart
      title={title}
      measurementMethod={method}
      reference={reference}
      sex={sex}
      measurements={{ [method]: measurements }}
      midParentalHeightData={mph}
      chartType="centile"
      theme="traditional"
      enableZoom={false}
      enableExport={false}
      exportChartCallback={() => {}}
      clinicianFocus={true}
      height={height}
      width={width}
    />
  );
}
