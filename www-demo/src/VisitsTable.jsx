// The editable visits table: a row per visit (date, height, weight, head circumference, bone age, events), in the
// chosen unit system; values are converted at entry and stored metric. Rows can be pasted from a spreadsheet.
import { memo, useCallback, useState } from 'react';
import { METHODS, newVisit } from './model.js';
import { entryText, otherUnits, parseEntry } from './units.js';
import { parseCsv } from './csv.js';

const MEASURED = ['height', 'weight', 'ofc'];
const unitLabel = (method, system) => (system === 'metric' ? METHODS[method].unit
  : method === 'weight' ? 'lb oz' : method === 'height' ? 'ft in' : 'in');

/** One measurement entry: keeps what was typed, stores the metric value (NaN when unreadable). */
function ValueCell({ visit, method, system, onChange, label }) {
  const [text, setText] = useState(() => (Number.isNaN(visit[method]) ? '' : entryText(visit[method], method, system)));
  const other = otherUnits(visit[method], method, system);
  return (
    <td>
      <input className="value" inputMode={system === 'metric' ? 'decimal' : 'text'} aria-label={label} value={text}
        aria-invalid={Number.isNaN(visit[method]) || visit[method] < 0 || undefined}
        onChange={(e) => { setText(e.target.value); onChange({ [method]: parseEntry(e.target.value, method, system) }); }} />
      {other && <span className="other-units" aria-hidden="true">{other}</span>}
    </td>
  );
}

/** One visit's row (and its error line); memoised, so an edit re-renders only the row it changed. */
const VisitRow = memo(function VisitRow({ visit: v, n, system, errors, update, remove }) {
  return (
    <>
      <tr data-visit={v.id} className={errors ? 'has-error' : undefined}>
        <td>
          <input type="date" aria-label={`Visit ${n} date`} value={v.date} aria-invalid={errors?.visit ? true : undefined}
            onChange={(e) => update(v.id, { date: e.target.value })} />
        </td>
        {MEASURED.map((m) => (
          <ValueCell key={`${m}-${system}`} visit={v} method={m} system={system} label={`Visit ${n} ${METHODS[m].label.toLowerCase()}`}
            onChange={(fields) => update(v.id, fields)} />
        ))}
        <td>
          <input className="value" inputMode="decimal" aria-label={`Visit ${n} bone age in years`}
            defaultValue={v.bone_age ?? ''} onChange={(e) => update(v.id, { bone_age: e.target.value === '' ? null : Number(e.target.value) })} />
        </td>
        <td>
          <input aria-label={`Visit ${n} events`} value={v.events} onChange={(e) => update(v.id, { events: e.target.value })} />
        </td>
        <td><button type="button" className="quiet" onClick={() => remove(v.id)} aria-label={`Delete visit ${n}`}>Delete</button></td>
      </tr>
      {errors && (
        <tr className="row-error">
          <td colSpan={7} role="alert" data-error-for={v.id}>{Object.values(errors).join(' ')}</td>
        </tr>
      )}
    </>
  );
});

export function VisitsTable({ child, system, errorsByVisit, onChange }) {
  const [paste, setPaste] = useState('');
  // Both work on the child as it is when applied (onChange takes a function of it), so they never change.
  const update = useCallback((id, fields) => onChange((c) => ({ visits: c.visits.map((v) => (v.id === id ? { ...v, ...fields } : v)) })), [onChange]);
  const remove = useCallback((id) => onChange((c) => ({ visits: c.visits.filter((v) => v.id !== id) })), [onChange]);
  const add = () => onChange((c) => ({ visits: [...c.visits, newVisit()] }));
  const addPasted = () => {
    // Columns: date, height, weight, head circumference (any may be empty), in the current unit system.
    const rows = parseCsv(paste.trim()).filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[0]?.trim()));
    const visits = rows.map((r) => newVisit({
      date: r[0].trim(), ...Object.fromEntries(MEASURED.map((m, i) => [m, parseEntry(r[i + 1], m, system)])),
    }));
    onChange({ visits: [...child.visits, ...visits] });
    setPaste('');
  };
  return (
    <section aria-labelledby="visits-title">
      <h2 id="visits-title">Visits</h2>
      <div className="scroll">
        <table className="visits">
          <caption className="sr-only">Visits of {child.name}: edit any cell; values in {system === 'metric' ? 'metric' : 'US customary'} units</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {MEASURED.map((m) => <th scope="col" key={m}>{METHODS[m].label} ({unitLabel(m, system)})</th>)}
              <th scope="col">Bone age (y)</th>
              <th scope="col">Events (; between)</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {child.visits.map((v, i) => (
              <VisitRow key={v.id} visit={v} n={i + 1} system={system} errors={errorsByVisit.get(v.id)} update={update} remove={remove} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" onClick={add}>Add visit</button>
        <details className="paste">
          <summary>Paste rows from a spreadsheet</summary>
          <label htmlFor="paste">One visit a line: date (YYYY-MM-DD), height, weight, head circumference; tab- or comma-separated,
            in {system === 'metric' ? 'cm and kg' : 'in (or ft in) and lb (or lb oz)'}.</label>
          <textarea id="paste" rows={4} value={paste} onChange={(e) => setPaste(e.target.value)} />
          <button type="button" onClick={addPasted} disabled={!paste.trim()}>Add pasted rows</button>
        </details>
      </div>
    </section>
  );
}
