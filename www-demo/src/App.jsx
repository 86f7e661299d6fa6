// The app: several children, each with their visits; results and charts re-scored on every edit.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { buildInfo, midParentalHeight } from 'centile/web';
import { EXAMPLES, fictionalChild } from './examples.js';
import { exportFile, FORMATS, importFile } from './io.js';
import {
  childProblems, formatCentile, formatValue, measurementsByMethod, METHODS, newChild, newVisit, referenceOf, REFERENCES, scoreChild,
} from './model.js';
import { Results } from './Results.jsx';
import { Research } from './Research.jsx';
import { forget, recall, remember } from './store.js';
import { VisitsTable } from './VisitsTable.jsx';
import { NetworkPanel } from './NetworkPanel.jsx';
import { Field } from './Field.jsx';

const Charts = lazy(() => import('./Charts.jsx'));
// Beyond the dGC API: its own small chunk after the first screen; it loads centile/nutrition only on demand.
const Nutrition = lazy(() => import('./Nutrition.jsx').then((m) => ({ default: m.Nutrition })));

const firstChild = () => newChild({ name: 'Child 1', visits: [newVisit()] });

function ChildDetails({ child, onChange }) {
  const ref = referenceOf(child.reference);
  const num = (e) => (e.target.value === '' ? null : Number(e.target.value));
  return (
    <section aria-labelledby="child-title" className="child">
      <h2 id="child-title">Child</h2>
      <div className="fields">
        <Field label="Name or label"><input value={child.name} onChange={(e) => onChange({ name: e.target.value })} /></Field>
        <Field label="Birth date"><input type="date" value={child.birth_date} onChange={(e) => onChange({ birth_date: e.target.value })} /></Field>
        <Field label="Sex">
          <select value={child.sex} onChange={(e) => onChange({ sex: e.target.value })}>
            <option value="female">female</option>
            <option value="male" disabled={ref.sexes && !ref.sexes.includes('male')}>male</option>
          </select>
        </Field>
        <fieldset className="gestation">
          <legend>Gestation at birth</legend>
          <Field label="weeks"><input type="number" min="22" max="44" value={child.gestation_weeks ?? ''} onChange={(e) => onChange({ gestation_weeks: num(e) })} /></Field>
          <Field label="days"><input type="number" min="0" max="6" value={child.gestation_days ?? ''} onChange={(e) => onChange({ gestation_days: num(e) })} /></Field>
        </fieldset>
        <Field label="Reference">
          <select value={child.reference} onChange={(e) => onChange({ reference: e.target.value, ...(referenceOf(e.target.value).sexes ? { sex: 'female' } : {}) })}>
            {REFERENCES.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        </Field>
        {ref.mph && (
          <>
            <Field label="Mother’s height (cm)"><input type="number" step="0.1" min="0" value={child.height_maternal ?? ''} onChange={(e) => onChange({ height_maternal: num(e) })} /></Field>
            <Field label="Father’s height (cm)"><input type="number" step="0.1" min="0" value={child.height_paternal ?? ''} onChange={(e) => onChange({ height_paternal: num(e) })} /></Field>
          </>
        )}
      </div>
      {ref.methods.length < 4 && <p className="advisory">{ref.label}: height only.</p>}
    </section>
  );
}

/** centile's mid-parental height for the child's reference, or null (with the reason when the heights are bad). */
function midParental(child) {
  if (!referenceOf(child.reference).mph || !(child.height_maternal && child.height_paternal)) return { mph: null };
  try {
    return { mph: midParentalHeight({ height_maternal: child.height_maternal, height_paternal: child.height_paternal, sex: child.sex, reference: child.reference }) };
  } catch (e) {
    return { mph: null, error: e.detail?.map((d) => `${d.loc?.at(-1) === 'height_maternal' ? 'Mother’s height' : 'Father’s height'}: ${d.msg}`).join(' ') ?? e.message };
  }
}

export function App() {
  const [children, setChildren] = useState(() => [firstChild()]);
  const [activeId, setActiveId] = useState(() => children[0].id);
  const [units, setUnits] = useState('metric');
  const [wording, setWording] = useState('clinician');
  const [remembering, setRemembering] = useState(false);
  const [chartType, setChartType] = useState('centile');
  const [chartMethod, setChartMethod] = useState('height');
  const [theme, setTheme] = useState('standard');
  const [message, setMessage] = useState('');
  const [saves, setSaves] = useState(0);
  const fileInput = useRef(null);
  const info = useMemo(buildInfo, []);

  const child = children.find((c) => c.id === activeId) ?? children[0];
  const ref = referenceOf(child.reference);
  // An edit re-scores only the visit it changed (scoreChild keeps the other rows' objects), so the tables re-render
  // one row and the chart gets new props only when what it draws changed.
  const rows = useMemo(() => scoreChild(child), [child]);
  const problems = childProblems(child);
  const lastMeasurements = useRef();
  const measurements = useMemo(() => (lastMeasurements.current = measurementsByMethod(rows, lastMeasurements.current)), [rows]);
  const { reference, sex, height_maternal: maternal, height_paternal: paternal } = child;
  const { mph, error: mphError } = useMemo(() => midParental({ reference, sex, height_maternal: maternal, height_paternal: paternal }), [reference, sex, maternal, paternal]);
  const errorsByVisit = useMemo(() => new Map(rows.filter((r) => Object.keys(r.errors).length).map((r) => [r.visit.id, r.errors])), [rows]);
  const method = ref.methods.includes(chartMethod) ? chartMethod : ref.methods[0];
  // The chart is redrawn in the same commit as the results (centile/chart draws a 100-visit child well within a
  // frame), so an edit reaches the next frame with both.
  const chart = useMemo(() => ({ childId: child.id, name: child.name, reference, sex, measurements, mph: method === 'height' ? mph : null }),
    [child.id, child.name, reference, sex, measurements, mph, method]);

  useEffect(() => {
    recall().then((saved) => {
      if (!saved?.children?.length) return;
      setChildren(saved.children);
      setActiveId(saved.activeId);
      setUnits(saved.units ?? 'metric');
      setRemembering(true);
    }).catch(() => {}).finally(() => {
      document.body.dataset.readyMs = String(Math.round(performance.now()));
      document.body.dataset.ready = '1';
    });
  }, []);
  useEffect(() => {
    if (remembering) {
      remember({ children, activeId, units }).then(() => setSaves((n) => n + 1), (e) => setMessage(`Could not remember: ${e.message}`));
    }
  }, [remembering, children, activeId, units]);

  // Changes the active child: `fields`, or a function of the child returning them (so callers need not hold it).
  const update = useCallback((fields) => setChildren((list) => list.map((c) => (c.id === child.id ? { ...c, ...(typeof fields === 'function' ? fields(c) : fields) } : c))), [child.id]);
  const add = (...added) => {
    setChildren((list) => [...list.filter((c) => c.birth_date || c.visits.some((v) => v.date)), ...added]);
    setActiveId(added[0].id);
  };
  const removeChild = () => {
    const rest = children.filter((c) => c.id !== child.id);
    const next = rest.length ? rest : [firstChild()];
    setChildren(next);
    setActiveId(next[0].id);
  };
  const onImport = async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    try {
      const imported = await importFile(file);
      add(...imported);
      setMessage(`Imported ${imported.length === 1 ? imported[0].name : `${imported.length} children`} from ${file.name}.${imported.notes ? ` ${imported.notes}` : ''}`);
    } catch (err) {
      setMessage(`Could not import ${file.name}: ${err.message}`);
    }
  };
  const toggleRemember = async (on) => {
    setRemembering(on);
    if (!on) { await forget(); setMessage('Forgotten: nothing is stored on this device.'); }
  };

  const latest = rows.flatMap((r) => Object.entries(r.results)).at(-1);
  const errorCount = rows.reduce((n, r) => n + Object.keys(r.errors).length, 0);
  const summary = latest
    ? `${rows.length} visit${rows.length === 1 ? '' : 's'}; latest ${METHODS[latest[0]].label.toLowerCase()} ${formatValue(latest[1].child_observation_value.observation_value)} ${METHODS[latest[0]].unit}, centile ${formatCentile(latest[1].measurement_calculated_values.corrected_centile)} (corrected age)${errorCount ? `; ${errorCount} problem${errorCount === 1 ? '' : 's'} to check` : ''}.`
    : 'No results yet.';

  return (
    <>
      <header className="top">
        <div>
          <h1>centile <span className="sub">growth charts on your device</span></h1>
          <p className="tagline">Centiles and SDS computed in this page by WebAssembly, the same numbers as the RCPCH Digital Growth Charts. Nothing you enter is sent anywhere.</p>
          <p className="print-only">Printed {new Date().toLocaleString('en-GB')} · {child.name} · born {child.birth_date} · {child.sex} · gestation {child.gestation_weeks}+{child.gestation_days} weeks · reference {ref.label} · centile {info.version}, reference tables {info.reference_data_fingerprint.slice(0, 16)}</p>
        </div>
        <div className="examples" role="group" aria-label="Load an example child">
          <button type="button" className="primary" onClick={() => add(EXAMPLES[1].make())}>Example</button>
          {EXAMPLES.map((x) => <button type="button" key={x.key} data-example={x.key} onClick={() => add(x.make())}>{x.label}</button>)}
          <button type="button" data-example="fictional" onClick={() => add(fictionalChild(1 + Math.floor(Math.random() * 9999)))}>Fictional child</button>
        </div>
      </header>

      <nav className="children" aria-label="Children">
        <Field label="Child">
          <select value={child.id} onChange={(e) => setActiveId(e.target.value)} id="child-select">
            {children.map((c) => <option key={c.id} value={c.id}>{c.name || 'Unnamed child'}</option>)}
          </select>
        </Field>
        <button type="button" onClick={() => add(newChild({ name: `Child ${children.length + 1}`, visits: [newVisit()] }))}>New child</button>
        <button type="button" className="quiet" onClick={removeChild}>Remove this child</button>
        <span className="spacer" />
        <Field label="Units">
          <select value={units} onChange={(e) => setUnits(e.target.value)} id="units">
            <option value="metric">metric (cm, kg)</option><option value="us">US (ft/in, lb/oz)</option>
          </select>
        </Field>
        <Field label="Wording">
          <select value={wording} onChange={(e) => setWording(e.target.value)}>
            <option value="clinician">clinician</option><option value="family">family</option>
          </select>
        </Field>
      </nav>

      <main>
        {/* The chart is where a clinician looks first: beside the visits on a wide screen, straight after the child's
            details on a phone (styles.css); the results table follows, one click away. */}
        <div className="layout">
          <div className="entry details">
            <ChildDetails child={child} onChange={update} />
            {problems.length > 0 && <p className="error" role="alert">{problems.join(' ')}</p>}
            {mphError && <p className="error" role="alert">{mphError}</p>}
            {mph && <p className="mph" data-mph={mph.mid_parental_height}>Mid-parental height {formatValue(mph.mid_parental_height)} cm, centile {formatCentile(mph.mid_parental_height_centile)} (expected adult range {formatValue(mph.mid_parental_height_lower_value)}–{formatValue(mph.mid_parental_height_upper_value)} cm).</p>}
            <p className="sub"><a href="#results-title">Results table</a></p>
          </div>
          <div className="chart-area">
            <Suspense fallback={<p>Loading the chart…</p>}>
              <Charts childId={chart.childId} name={chart.name} reference={chart.reference} sex={chart.sex} measurements={chart.measurements} methods={ref.methods} mph={chart.mph}
                method={method} setMethod={setChartMethod} chartType={chartType} setChartType={setChartType} theme={theme} setTheme={setTheme} />
            </Suspense>
          </div>
          <div className="entry visits">
            <VisitsTable key={`${child.id}-${units}`} child={child} system={units} errorsByVisit={errorsByVisit} onChange={update} />
          </div>
        </div>

        <section aria-labelledby="results-title">
          <h2 id="results-title">Results <span className="sub">({ref.label})</span></h2>
          <p aria-live="polite" id="summary" className="summary">{summary}</p>
          {child.gestation_weeks < 37 && <p className="advisory">Born at {child.gestation_weeks}+{child.gestation_days ?? 0} weeks: ages are corrected for gestation{ref.id === 'who' || ref.id === 'cdc' ? ' until 2 years' : ''}; both ages are shown.</p>}
          <Results rows={rows} wording={wording} />
          <p className="sub">Term babies commonly lose up to a tenth of their birth weight in the first days; weights then are read with that in mind. Lines on charts break where references join (at 2 weeks, 2 and 4 years on UK-WHO): that step is expected.</p>
        </section>

        <Suspense fallback={null}>
          <Nutrition key={child.id} birth_date={child.birth_date} sex={child.sex} gestation_weeks={child.gestation_weeks} gestation_days={child.gestation_days} />
        </Suspense>

        <section aria-labelledby="files-title" className="files">
          <h2 id="files-title">Files and this device</h2>
          <div className="actions">
            {Object.entries(FORMATS).map(([key, f]) => (
              <button type="button" key={key} data-export={key} onClick={() => exportFile(child, rows, key)}>Export {f.label}</button>
            ))}
            <button type="button" onClick={() => fileInput.current.click()}>Import JSON, CSV or FHIR…</button>
            <input ref={fileInput} type="file" accept=".json,.csv,.ndjson,application/json,application/fhir+json,text/csv" hidden onChange={onImport} id="import-file" />
            <button type="button" onClick={() => window.print()}>Print chart and table</button>
          </div>
          <label className="remember"><input type="checkbox" checked={remembering} onChange={(e) => toggleRemember(e.target.checked)} id="remember" data-saves={saves} /> Remember these children on this device (stored in this browser only, until you turn this off)</label>
          {remembering && <button type="button" className="quiet" onClick={() => toggleRemember(false)}>Forget everything now</button>}
          <p role="status" id="message">{message}</p>
          <NetworkPanel />
        </section>

        <Research />
      </main>

      <footer>
        <p id="build">{info.name} {info.version} ({info.commit.slice(0, 10)}) · reference data {info.reference_data}, fingerprint {info.reference_data_fingerprint.slice(0, 16)} · charts drawn by centile/chart. This demo is not a medical device; check results clinically.</p>
      </footer>
    </>
  );
}
