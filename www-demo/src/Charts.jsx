// The growth chart, drawn by centile/chart (CentileChart from centile/react) from centile's own output: the
// measurement objects of each method and, on height charts, centile's mid-parental height. Below each chart, its
// accessible twin: a table of the plotted points.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { CentileChart } from 'centile/react';
import { MESSAGES } from 'centile/chart';
import { METHODS, formatCentile, formatValue } from './model.js';
import { Field } from './Field.jsx';

function useWidth(ref) {
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The chart's colours: the renderer's own, or black lines on white. */
const THEMES = { standard: undefined, monochrome: { line: '#000000', chronological: '#000000', corrected: '#000000', bone: '#000000', midParental: '#000000' } };
/** The age toggle (the client specification's corrected / chronological / both choice). */
const AGES = [['adjusted', 'corrected', 'Corrected Age'], ['unadjusted', 'chronological', 'Chronological Age'], ['both', 'both', 'Both Ages']];
/**
 * The age windows to choose from: the visits' own span (renderChart's 'auto'), three usual windows, the whole
 * reference; labelled as <centile-chart> labels them (the chart's messages, by age-window value).
 */
const WINDOWS = [['auto', 'auto'], ['0-1', [0, 1]], ['0-4', [0, 4]], ['2-18', [2, 18]], ['whole', 'whole']]
  .map(([key, window]) => [key, window, MESSAGES.ageWindows[Array.isArray(window) ? window.join(' ') : window]]);

function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The chart's SVG as a standalone file, and as a PNG drawn from it at twice the size. */
function svgBlob(svg) {
  return new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
}
async function pngBlob(svg) {
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  image.src = URL.createObjectURL(svgBlob(svg));
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(image.src);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

export default memo(function Charts({ childId, name: childName, reference, sex, measurements, methods, mph, method, setMethod, chartType, setChartType, theme, setTheme }) {
  const box = useRef(null);
  const width = Math.min(useWidth(box), 900);
  const [age, setAge] = useState('both');
  const [span, setSpan] = useState('auto');
  const [status, setStatus] = useState('');
  const points = useMemo(() => (chartType === 'sds' ? methods.flatMap((m) => measurements[m].map((x) => [m, x])) : measurements[method].map((x) => [method, x])),
    [chartType, methods, measurements, method]);
  // The table twin's rows, kept while the points are (marking the chart out of date does not rebuild them).
  const twinRows = useMemo(() => points.map(([m, x]) => (
    <tr key={`${m}-${x.measurement_dates.observation_date}`}>
      <th scope="row">{METHODS[m].label}</th><td>{x.measurement_dates.observation_date}</td>
      <td>{formatValue(x.measurement_dates.corrected_decimal_age, 3)}</td><td>{formatValue(x.measurement_dates.chronological_decimal_age, 3)}</td>
      <td>{formatValue(x.child_observation_value.observation_value)} {METHODS[m].unit}</td>
      <td>{formatCentile(x.measurement_calculated_values.corrected_centile)}</td>
    </tr>
  )), [points]);
  // The chart is a pure function of its props: it is redrawn in place whenever what it draws changes, and only
  // then (a status message or an unchanged list does not redraw it).
  // What the chart draws: the method's own list (or, on the SDS chart, every method's), whose identity changes only
  // when one of its measurements does.
  const source = chartType === 'sds' ? measurements : measurements[method];
  const drawn = useMemo(() => (chartType === 'sds' ? methods.flatMap((m) => measurements[m]) : source), [chartType, methods, source]);
  const draws = useRef(0); // how many times the chart was given new props (data-draws, for the tests)
  const drawing = useMemo(() => {
    draws.current += 1;
    return (
      <CentileChart
        className="chart-svg"
        reference={reference}
        sex={sex}
        measurement_method={method}
        kind={chartType}
        measurements={drawn}
        midParentalHeight={mph ?? null}
        age={age}
        ageWindow={WINDOWS.find(([key]) => key === span)[1]}
        theme={THEMES[theme]}
        childLabel={childName || 'Child'}
        width={Math.max(300, width)}
        height={Math.round(Math.max(400, Math.min(width * 0.72, 640)))}
      />
    );
  }, [childName, reference, sex, drawn, chartType, method, mph, theme, width, age, span]);
  const svg = () => box.current.querySelector('svg');
  const name = `${(childName || 'child').replace(/[^\w-]+/g, '_')}-${chartType === 'sds' ? 'sds' : method}`;
  const act = (label, fn) => async () => {
    try { await fn(); setStatus(label); } catch (e) { setStatus(`Could not ${label.toLowerCase()}: ${e.message}`); }
  };
  return (
    <section aria-labelledby="charts-title" className="charts">
      <h2 id="charts-title">Charts</h2>
      <div className="chart-controls">
        <fieldset>
          <legend>Chart</legend>
          {chartType === 'centile' && methods.map((m) => (
            <label key={m}><input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} /> {METHODS[m].label}</label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Type</legend>
          <label><input type="radio" name="chart-type" value="centile" checked={chartType === 'centile'} onChange={() => setChartType('centile')} /> Centile</label>
          <label><input type="radio" name="chart-type" value="sds" checked={chartType === 'sds'} onChange={() => setChartType('sds')} /> SDS (all measurements)</label>
        </fieldset>
        <Field label="Theme">
          <select value={theme} onChange={(e) => setTheme(e.target.value)}>
            {Object.keys(THEMES).map((t) => <option key={t}>{t}</option>)}
          </select>
        </Field>
        <span className="chart-export">
          <button type="button" className="quiet" onClick={act('Downloaded SVG', () => download(svgBlob(svg()), `${name}.svg`))}>Download SVG</button>
          <button type="button" className="quiet" onClick={act('Downloaded PNG', async () => download(await pngBlob(svg()), `${name}.png`))}>Download PNG</button>
          <button type="button" className="quiet" onClick={act('Copied PNG', async () => navigator.clipboard.write([new ClipboardItem({ 'image/png': pngBlob(svg()) })]))}>Copy PNG</button>
        </span>
        <span role="status" className="sub">{status}</span>
      </div>
      <figure className="chart" ref={box} aria-describedby="chart-twin-caption" data-chart-type={chartType} data-method={method}
        data-child={childId} data-points={points.length} data-draws={draws.current}>
        {drawing}
        <div role="radiogroup" aria-label={MESSAGES.ageWindow} className="toggle">
          {WINDOWS.map(([key, , label]) => [
            <input key={key} type="radio" id={`window-${key}-${childId}`} name={`window-${childId}`} value={key} checked={span === key} onChange={() => setSpan(key)} />,
            <label key={`${key}-label`} htmlFor={`window-${key}-${childId}`}>{label}</label>,
          ])}
        </div>
        {chartType === 'centile' && (
          <div role="radiogroup" aria-label="Ages shown" className="toggle">
            {AGES.map(([value, option, label]) => [
              <input key={value} type="radio" id={`${value}-${childId}`} name={`adjustments-${childId}`} value={value} checked={age === option} onChange={() => setAge(option)} />,
              <label key={`${value}-label`} htmlFor={`${value}-${childId}`}>{label}</label>,
            ])}
          </div>
        )}
      </figure>
      <details className="twin">
        <summary id="chart-twin-caption">The points on this chart, as a table</summary>
        <div className="scroll" tabIndex={0} role="region" aria-label="Points on the chart">
          <table>
            <thead><tr><th scope="col">Measurement</th><th scope="col">Date</th><th scope="col">Corrected age (y)</th><th scope="col">Chronological age (y)</th><th scope="col">Value</th><th scope="col">Centile (corrected)</th></tr></thead>
            <tbody>
              {twinRows}
            </tbody>
          </table>
          {mph && method === 'height' && <p>Mid-parental height {formatValue(mph.mid_parental_height)} cm (centile {formatCentile(mph.mid_parental_height_centile)}; range {formatValue(mph.mid_parental_height_lower_value)}–{formatValue(mph.mid_parental_height_upper_value)} cm).</p>}
        </div>
      </details>
      <details className="help">
        <summary>Reading these charts</summary>
        <ul>
          <li>A dot is a measurement at the child’s actual (chronological) age; a cross is the same measurement at the age
            corrected for an early birth, and a line joins the two. The buttons under the chart show either or both.</li>
          <li>The centile lines (on UK-WHO the 0.4th to the 99.6th) are dashed and solid in turn. No line is a target: a child
            growing along any of them, or between two, is growing steadily; moving across lines over time is what to
            discuss with a health professional.</li>
          <li>The lines step where the reference data change (at 2 weeks, 2 and 4 years on UK-WHO); at 2 years children
            are measured standing rather than lying, so height is a little less than length.</li>
          <li>The RCPCH’s own guides: <a href="https://growth.rcpch.ac.uk/parents/chart-information-families/" target="_blank" rel="noopener noreferrer">for
            families</a> and <a href="https://growth.rcpch.ac.uk/clinician/chart-information-health-staff/" target="_blank" rel="noopener noreferrer">for
            health staff</a> (they open the RCPCH site; nothing from this page goes with them).</li>
        </ul>
      </details>
    </section>
  );
});
