// A small dGC client written as the RCPCH client is: requests through an axios instance, results taken in .then,
// errors read from error.response in .catch, each result plotted by the RCPCH chart component.
import React, { useEffect, useState } from 'react';
import { api } from './api.js';
import { CentileChart } from './rcpch-chart.jsx';

const headers = { 'Content-Type': 'application/json' };
const post = (url, body) => api.post(url, body, { headers }).then((response) => response.data);

// A boy born at 30 weeks, measured either side of 2 years' corrected age (the UK-WHO join from WHO to UK90).
const preterm = { birth_date: '2019-01-01', gestation_weeks: 30, gestation_days: 0, sex: 'male', measurement_method: 'height' };
const pretermVisits = [['2020-06-01', 78], ['2020-12-01', 83], ['2021-03-01', 86.5], ['2021-06-01', 89], ['2021-12-01', 93]];
// A CDC girl with her parents' heights.
const cdcChild = { birth_date: '2016-03-01', gestation_weeks: 40, gestation_days: 0, sex: 'female', measurement_method: 'height' };
const cdcVisits = [['2020-03-01', 102], ['2022-03-01', 115], ['2024-03-01', 128]];
const parents = { height_paternal: 178, height_maternal: 165, sex: 'female', reference: 'cdc' };
// A head circumference of 69 cm at 1 year: the server answers it, flagged.
const implausible = { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 69, sex: 'male', measurement_method: 'ofc' };
// The WHO fictional child, with the body's reference as the client always sends it.
const fictional = { measurement_method: 'weight', sex: 'female', start_chronological_age: 0, end_age: 4, measurement_interval_type: 'months',
  measurement_interval_number: 3, gestation_weeks: 40, gestation_days: 0, start_sds: 0.5, drift: false, noise: false, reference: 'who' };

function Chart({ id, reference, sex, method, measurements, mph }) {
  return (
    <div className="chart" id={`${id}-chart`}>
      <CentileChart title={id} reference={reference} sex={sex} method={method} measurements={measurements} mph={mph} height={500} width={700} />
    </div>
  );
}

function Scenario({ id, load, chart }) {
  const [state, setState] = useState({ status: 'loading' });
  useEffect(() => {
    load()
      .then((result) => setState({ status: 'ok', result }))
      .catch((error) => {
        const message = error.response
          ? `${error.response.status}: ${error.response.data.detail.map((d) => `${d.loc.join('.')} ${d.type}`).join('; ')}`
          : `There has been a problem fetching the result from the server. Error details: ${error.message}`;
        setState({ status: 'error', message, httpStatus: error.response?.status ?? null });
      });
  }, []);
  return (
    <section id={id} data-status={state.status} data-http-status={state.httpStatus ?? ''} data-ages={ages(state.result)}>
      <h2>{id}</h2>
      {state.status === 'error' && <p className="error">{state.message}</p>}
      {state.status === 'ok' && chart(state.result)}
    </section>
  );
}

// The corrected ages plotted, for the test to read.
const ages = (result) => (Array.isArray(result) ? result.flat() : [])
  .map((m) => m.measurement_dates?.corrected_decimal_age).filter((x) => x !== undefined).join(' ');
const flags = (results) => results.map((m) => m.child_observation_value.observation_value_error).filter(Boolean);

export default function App() {
  return (
    <main>
      <Scenario id="preterm" load={() => Promise.all(pretermVisits.map(([observation_date, observation_value]) =>
        post('/uk-who/calculation', { ...preterm, observation_date, observation_value })))}
      chart={(results) => <Chart id="preterm" reference="uk-who" sex="male" method="height" measurements={results} />} />
      <Scenario id="cdc" load={() => Promise.all([
        Promise.all(cdcVisits.map(([observation_date, observation_value]) => post('/cdc/calculation', { ...cdcChild, observation_date, observation_value }))),
        post('/utilities/mid-parental-height', parents)])}
      chart={([results, mph]) => <Chart id="cdc" reference="cdc" sex="female" method="height" measurements={results} mph={mph} />} />
      <Scenario id="flagged" load={() => post('/uk-who/calculation', implausible).then((m) => [m])}
        chart={(results) => (
          <>
            <p className="flag">{flags(results).join(' ')}</p>
            <Chart id="flagged" reference="uk-who" sex="male" method="ofc" measurements={results} />
          </>
        )} />
      <Scenario id="who-fictional" load={() => post('/who/fictional-child-data', fictional)}
        chart={(results) => <Chart id="who-fictional" reference="who" sex="female" method="weight" measurements={results} />} />
      <Scenario id="invalid-date" load={() => post('/uk-who/calculation', { ...preterm, observation_date: '2021-02-30', observation_value: 86 })}
        chart={() => null} />
    </main>
  );
}
