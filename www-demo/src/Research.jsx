// Research mode: a CSV of many rows scored in a Web Worker, with progress; the results download as CSV.
import { useMemo, useRef, useState } from 'react';
import { REFERENCES } from './model.js';
import { Field } from './Field.jsx';

const TEMPLATE = 'birth_date,observation_date,sex,measurement_method,observation_value,gestation_weeks,gestation_days,reference\r\n'
  + '2020-01-15,2021-03-02,female,height,78.4,40,0,uk-who\r\n2020-01-15,2021-03-02,female,weight,9.9,40,0,uk-who\r\n'
  + '2019-06-01,2023-06-20,male,bmi,16.2,32,4,who\r\n';

export function Research() {
  const [reference, setReference] = useState('uk-who');
  const [state, setState] = useState(null);
  const worker = useRef(null);
  const start = (file) => {
    if (!file) return;
    worker.current?.terminate();
    const w = new Worker(new URL('./research.worker.js', import.meta.url), { type: 'module' });
    worker.current = w;
    setState({ progress: 0, rows: 0, name: file.name });
    w.onmessage = ({ data }) => {
      if (data.error) { setState({ error: data.error }); w.terminate(); return; }
      if (data.done) {
        setState({ ...data.done, url: URL.createObjectURL(data.done.csv), name: file.name.replace(/\.csv$/i, '') });
        w.terminate();
        return;
      }
      setState((s) => ({ ...s, progress: data.progress, rows: data.rows }));
    };
    w.postMessage({ file, reference });
  };
  const template = useMemo(() => URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv' })), []);
  return (
    <section aria-labelledby="research-title" className="research">
      <h2 id="research-title">Research mode</h2>
      <p>Score a whole cohort: a CSV with a column per request field (<code>birth_date, observation_date, sex,
        measurement_method, observation_value</code>, optional <code>gestation_weeks, gestation_days, reference</code>).
        It is computed in a background thread on this device; the file never leaves it. <a href={template} download="centile-research-template.csv">Template CSV</a></p>
      <div className="drop" onDragOver={(e) => e.preventDefault()} onDrop={(e) => { e.preventDefault(); start(e.dataTransfer.files[0]); }}>
        <Field label="Reference for rows without one">
          <select value={reference} onChange={(e) => setReference(e.target.value)}>
            {REFERENCES.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        </Field>
        <Field label="CSV file (or drop it here)"><input type="file" accept=".csv,text/csv" id="research-file" onChange={(e) => start(e.target.files[0])} /></Field>
      </div>
      {state && (
        <div aria-live="polite" className="research-status">
          {state.error && <p className="error" role="alert">{state.error}</p>}
          {'progress' in state && !state.url && (
            <p><progress max="1" value={state.progress} aria-label="Research progress" /> {state.rows.toLocaleString('en-GB')} rows scored…</p>
          )}
          {state.url && (
            <p data-rows={state.rows} data-errors={state.errors} data-ms={Math.round(state.ms)}>
              {state.rows.toLocaleString('en-GB')} rows in {(state.ms / 1000).toFixed(2)} s ({state.errors.toLocaleString('en-GB')} with an error, each named in its row).{' '}
              <a href={state.url} download={`${state.name}-centile.csv`} id="research-download">Download results (CSV)</a>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
