// The results: a row per visit and method with both ages, value (both unit systems), SDS, centile and band for
// corrected and chronological age, velocity since the previous value and % median BMI. Full-precision numbers are
// in data- attributes (the tests read them); the text follows the RCPCH display rules.
import { memo } from 'react';
import { METHODS, formatCentile, formatSds, formatValue } from './model.js';
import { otherUnits } from './units.js';

const age = (decimal, calendar) => (
  <>{calendar ?? '—'}<span className="sub">{formatValue(decimal, 3)} y</span></>
);

/** One result line; unchanged lines skip re-rendering (their measurement object is reused by the scorer). */
const ResultRow = memo(function ResultRow({ visitId, method, m, vel, wording }) {
  const v = m.measurement_calculated_values;
  const d = m.measurement_dates;
  const value = m.child_observation_value.observation_value;
  const comment = wording === 'family' ? d.comments.lay_corrected_decimal_age_comment : d.comments.clinician_corrected_decimal_age_comment;
  return (
    <tr data-visit={visitId} data-method={method} data-date={d.observation_date}
      data-corrected-sds={v.corrected_sds ?? ''} data-chronological-sds={v.chronological_sds ?? ''}
      data-corrected-centile={v.corrected_centile} data-corrected-age={d.corrected_decimal_age} data-chronological-age={d.chronological_decimal_age}>
      <td>{d.observation_date}</td>
      <th scope="row">{METHODS[method].label}</th>
      <td>{formatValue(value)} {METHODS[method].unit}<span className="sub">{otherUnits(value, method, 'metric')}</span>
        {method === 'bmi' && v.corrected_percentage_median_bmi !== null && <span className="sub">{formatValue(v.corrected_percentage_median_bmi)}% median</span>}</td>
      <td>{age(d.corrected_decimal_age, d.corrected_calendar_age)}</td>
      <td>{age(d.chronological_decimal_age, d.chronological_calendar_age)}</td>
      <td className="num">{formatSds(v.corrected_sds)}</td>
      <td className="num">{formatCentile(v.corrected_centile)}</td>
      <td className="num">{formatSds(v.chronological_sds)}</td>
      <td className="num">{v.chronological_measurement_error ? <span className="advisory">{v.chronological_measurement_error}</span> : formatCentile(v.chronological_centile)}</td>
      <td className="band">{v.corrected_centile_band ?? '—'}</td>
      <td className="num">{vel === undefined ? '—' : `${formatValue(vel)} ${METHODS[method].unit}/y`}</td>
      <td className="comment">{comment}</td>
    </tr>
  );
});

export function Results({ rows, wording }) {
  const lines = rows.flatMap((row) => [
    ...Object.entries(row.results).map(([method, m]) => ({ row, method, m })),
    ...Object.entries(row.errors).map(([method, error]) => ({ row, method, error, kind: 'error' })),
    ...Object.entries(row.advisories).map(([method, error]) => ({ row, method, error, kind: 'advisory' })),
  ]);
  if (!lines.length) return <p className="empty">No results yet: add a visit with a date and a measurement.</p>;
  return (
    <div className="scroll" tabIndex={0} role="region" aria-label="Results table">
      <table className="results" id="results">
        <caption className="sr-only">Results for every visit and measurement, corrected and chronological age</caption>
        <thead>
          <tr>
            <th scope="col">Date</th><th scope="col">Measurement</th><th scope="col">Value</th>
            <th scope="col">Corrected age</th><th scope="col">Chronological age</th>
            <th scope="col">SDS corrected</th><th scope="col">Centile corrected</th>
            <th scope="col">SDS chronological</th><th scope="col">Centile chronological</th>
            <th scope="col">Band (corrected)</th><th scope="col">Velocity</th><th scope="col">{wording === 'family' ? 'What this means' : 'Comment'}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ row, method, m, error, kind }) => {
            if (error) {
              return (
                <tr key={`${row.visit.id}-${method}-${kind}`} className={`row-${kind}`} data-visit={row.visit.id} data-date={row.visit.date} {...{ [`data-${kind}`]: method }}>
                  <td>{row.visit.date || '—'}</td>
                  <th scope="row">{METHODS[method]?.label ?? 'Visit'}</th>
                  <td colSpan={10}>{error}</td>
                </tr>
              );
            }
            return <ResultRow key={`${row.visit.id}-${method}`} visitId={row.visit.id} method={method} m={m} vel={row.velocity[method]} wording={wording} />;
          })}
        </tbody>
      </table>
    </div>
  );
}
