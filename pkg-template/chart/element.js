// centile/element: <centile-chart>, renderChart's SVG in a custom element with Shadow DOM.
//
//   <centile-chart reference="uk-who" sex="male" measurement-method="height"></centile-chart>
//   el.measurements = bulkCalculation(...).results;   // and el.options = { midParentalHeight, theme, messages, ... }
//
// Scalar options are attributes too (reference, sex, measurement-method, kind, age, age-window "0 2" / "whole",
// centiles, imperial, child-label). The chart is redrawn at the element's width (320 px and up, no horizontal
// scroll), in one frame after any change. Above it, a choice of age window (fit the visits, 0–1, 0–4 or 2–18 years,
// the whole reference): radios of 44 px that set the age-window attribute (hide it with ::part(windows)). Its words
// and the table twin's are the chart's messages too (MESSAGES.ageWindow, ageWindows and table), so `messages`
// translates everything the element shows. Theming: CSS custom properties (--centile-line, --centile-point, ...) and
// ::part(chart | point | tooltip | table); dark mode and forced colours follow the user's settings. Every point is
// focusable, and a 44 px target: a pointer within 22 px of its centre reaches it (the nearest point, where several
// are that close), for its tooltip on hover and a tap or click to select it; arrow keys move between points, Home /
// End to the first and last; Enter selects.
// Events: `centile-focus` and `centile-select`, with the point's details. A table twin (the same points as a table)
// sits in a <details> below the chart. toSVG() and toPNG() export the chart as drawn (with its child label,
// reference, version, table fingerprint and attribution); its print styles and
// centile/element/print.css (the page's @page margins) print it on one page of A4 or Letter.
import { MESSAGES, renderChart } from 'centile/chart';
import { detail, pointOf, sentence, showTip, stepTo } from './points.js';
import { redraw } from './redraw.js';

const ATTRIBUTES = ['reference', 'sex', 'measurement-method', 'kind', 'age', 'age-window', 'centiles', 'imperial', 'child-label'];
/** The age windows offered, as age-window attribute values (their labels are MESSAGES.ageWindows'). */
const WINDOWS = Object.keys(MESSAGES.ageWindows);

const STYLE = `
:host { display: block; max-width: 100%; color: var(--centile-text, #1f2933); font: var(--centile-font, 14px system-ui, sans-serif);
  --centile-background: #ffffff; --centile-line: #52606d; --centile-point: #0b5a6b; --centile-focus: #b35c00; }
@media (prefers-color-scheme: dark) {
  :host { --centile-background: #111827; --centile-line: #aeb8c4; --centile-point: #7fd3e6; --centile-text: #e5e9ef; --centile-focus: #ffb15c; }
}
.windows { display: flex; flex-wrap: wrap; gap: 4px; margin: 0 0 6px; padding: 0; border: 0; }
.windows legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.windows label { position: relative; display: inline-flex; align-items: center; justify-content: center; min-width: 44px; min-height: 44px;
  box-sizing: border-box; padding: 0 10px; border: 1px solid var(--centile-line); border-radius: 6px; cursor: pointer; white-space: nowrap; }
.windows input { position: absolute; inset: -1px; width: calc(100% + 2px); height: calc(100% + 2px); margin: 0; opacity: 0; cursor: pointer; }
.windows label:has(input:checked) { background: var(--centile-point); border-color: var(--centile-point); color: var(--centile-background); }
.windows label:has(input:focus-visible) { outline: 2px solid var(--centile-focus); outline-offset: 2px; }
.chart { position: relative; overflow: hidden; }
svg { display: block; width: 100%; height: auto; }
svg .background { fill: var(--centile-background); }
svg text { fill: var(--centile-text, #1f2933); }
svg .axes line, svg .axes path { stroke: var(--centile-text, #1f2933); }
svg .centile-line, svg .sds-line { stroke: var(--centile-line); }
svg[data-kind="centile"] .point-chronological { fill: var(--centile-point); }
svg[data-kind="centile"] .point-corrected, svg[data-kind="centile"] .point-bone, svg[data-kind="centile"] .link { stroke: var(--centile-point); }
.chart.near { cursor: pointer; }
svg .point:focus, svg .point[aria-current="true"] { outline: 2px solid var(--centile-focus); outline-offset: 6px; }
svg .puberty rect { fill: var(--centile-puberty, color-mix(in srgb, var(--centile-line) 12%, transparent)); }
.tooltip { position: absolute; pointer-events: none; max-width: 18em; padding: 6px 8px; border-radius: 4px; font-size: 13px;
  background: var(--centile-tooltip-background, #1f2933); color: var(--centile-tooltip-text, #ffffff); }
.tooltip[hidden] { display: none; }
.announce { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
details { margin-top: 8px; }
summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 4px 8px; text-align: left; border-bottom: 1px solid var(--centile-line); }
@media (forced-colors: active) {
  svg .background { fill: Canvas; }
  svg text { fill: CanvasText; }
  svg .centile-line, svg .sds-line, svg .axes line, svg .link, svg .mid-parental-line { stroke: CanvasText; }
  svg .point { fill: Highlight; stroke: Highlight; }
  svg .puberty rect { fill: Canvas; }
  svg .point:focus { outline-color: Highlight; }
}
@media print {
  :host { break-inside: avoid; }
  .tooltip, .announce, details, .windows { display: none; }
  svg { width: 100%; max-height: 100vh; }
}
`;

/** The options an attribute sets, read from its text. */
function attributeOptions(el) {
  const o = {};
  const get = (name) => el.getAttribute(name);
  if (get('reference')) o.reference = get('reference');
  if (get('sex')) o.sex = get('sex');
  if (get('measurement-method')) o.measurement_method = get('measurement-method');
  if (get('kind')) o.kind = get('kind');
  if (get('age')) o.age = get('age');
  const w = get('age-window');
  if (w) o.ageWindow = w === 'whole' || w === 'auto' ? w : w.trim().split(/[\s,]+/).map(Number);
  const c = get('centiles');
  if (c) o.centiles = /^[\d.\s,]+$/.test(c) ? c.trim().split(/[\s,]+/).map(Number) : c;
  if (el.hasAttribute('imperial')) o.imperial = true;
  if (get('child-label')) o.childLabel = get('child-label');
  return o;
}

/** Safe text for a file name: letters (of any script), digits, `_`, `.` and `-`. */
const slug = (s) => String(s).replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^-+|-+$/g, '');

/** HTMLElement where there is a DOM; elsewhere (a server importing this module) a stand-in, and nothing is defined. */
const Base = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

export class CentileChartElement extends Base {
  static observedAttributes = ATTRIBUTES;

  #measurements = [];
  #options = {};
  #svg = '';
  #frame = 0;
  #width = 0;
  #resize = null;
  /** The point a mouse or pen is near, whose tooltip shows. */
  #hovered = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    // The words are written by #words, from the options' messages.
    const windows = WINDOWS.map((value) => `<label><input type="radio" name="window" value="${value}"><span></span></label>`).join('');
    root.innerHTML = `<style>${STYLE}</style><fieldset class="windows" part="windows"><legend></legend>${windows}</fieldset>`
      + '<div class="chart" part="chart"></div><div class="tooltip" part="tooltip" hidden></div>'
      + '<div class="announce" role="status" aria-live="polite"></div>'
      + '<details part="table"><summary></summary><div class="table"></div></details>';
    this.#words();
    root.querySelector('.windows').addEventListener('change', (e) => this.setAttribute('age-window', e.target.value));
    const chart = root.querySelector('.chart');
    chart.addEventListener('focusin', (e) => this.#focus(e.target.closest('.point')));
    chart.addEventListener('focusout', () => this.#tooltip(null));
    // A mouse or pen shows the tooltip of the point it is near. A finger leaves the screen after every tap: a touch
    // tooltip is the selected point's, and stays until the focus moves (a tap elsewhere).
    chart.addEventListener('pointermove', (e) => {
      if (e.pointerType === 'touch') return;
      const point = pointOf(chart.querySelector('svg'), e);
      chart.classList.toggle('near', Boolean(point));
      if (point !== this.#hovered) this.#tooltip((this.#hovered = point));
    });
    chart.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'touch') return;
      chart.classList.remove('near');
      if (this.#hovered) this.#tooltip((this.#hovered = null));
    });
    chart.addEventListener('click', (e) => this.#select(pointOf(chart.querySelector('svg'), e)));
    chart.addEventListener('keydown', (e) => this.#key(e));
  }

  connectedCallback() {
    this.#resize = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width && width !== this.#width) {
        this.#width = width;
        this.#schedule();
      }
    });
    this.#resize.observe(this);
    this.#schedule();
  }

  disconnectedCallback() {
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  attributeChangedCallback() {
    this.#schedule();
  }

  /** The measurements drawn: what `calculation` / `bulkCalculation` return. */
  get measurements() { return this.#measurements; }
  set measurements(value) {
    this.#measurements = value ?? [];
    this.#schedule();
  }

  /** renderChart's options; attributes override the scalar ones. */
  get options() { return this.#options; }
  set options(value) {
    this.#options = value ?? {};
    this.#schedule();
  }

  /** The chart as drawn, as SVG text. */
  toSVG() { return this.#svg; }

  /** The chart as a PNG (default 300 dpi for the chart's size in CSS px at 96 dpi). */
  async toPNG({ dpi = 300 } = {}) {
    const svg = this.shadowRoot.querySelector('svg');
    const scale = dpi / 96;
    const [w, h] = [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height];
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(this.#svg)}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const meta = this.#metadata();
    // What the SVG's metadata says, as PNG text chunks (tEXt; iTXt for text beyond Latin-1).
    const text = { Title: svg.querySelector('title')?.textContent, Child: meta.child, Reference: meta.reference, Software: `centile ${meta.centile}`,
      Tables: meta.tables, Copyright: meta.attribution };
    return withChunks(new Uint8Array(await blob.arrayBuffer()), [physicalSize(dpi), ...Object.entries(text).filter(([, v]) => v).map(([k, v]) => textChunk(k, v))]);
  }

  /**
   * A file name for an export: the child label, reference, method, centile's version, table fingerprint and the
   * reference's attribution (its data owners or citation).
   */
  exportName(extension) {
    const d = this.shadowRoot.querySelector('svg')?.dataset ?? {};
    const { child, reference, centile, tables = '', attribution = '' } = this.#metadata();
    const owners = attribution.includes('©') ? attribution.slice(attribution.lastIndexOf('©') + 1) : attribution.match(/\(([^()]*)\)[^()]*$/)?.[1] ?? attribution;
    return [child, reference, d.measurementMethod ?? 'sds', `centile-${centile}`, tables.slice(0, 12), slug(owners).slice(0, 40)]
      .filter(Boolean).map(slug).join('_') + `.${extension}`;
  }

  /** The drawn chart's metadata: child label, reference, centile's version, table fingerprint and attribution. */
  #metadata() {
    const text = this.shadowRoot.querySelector('svg metadata')?.textContent;
    return text ? JSON.parse(text) : {};
  }

  #chartOptions() {
    const o = { ...this.#options, ...attributeOptions(this), measurements: this.#measurements };
    if (this.#width) {
      o.width = Math.min(10000, Math.max(240, this.#width));
      o.height = Math.round(o.width < 500 ? o.width * 1.1 : o.width * 0.62);
    }
    return o;
  }

  #schedule() {
    if (this.#frame || !this.isConnected) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.render();
    });
  }

  /**
   * Draws now (changes are otherwise drawn at the next frame). When only points changed (the usual edit of a visit),
   * only their elements and table rows are replaced; otherwise the whole chart. Either way the chart in the page is
   * renderChart's SVG (toSVG()).
   */
  render() {
    const o = this.#chartOptions();
    this.#words(o.messages);
    const span = o.ageWindow ?? 'auto';
    const chosen = Array.isArray(span) ? span.join(' ') : String(span);
    for (const radio of this.shadowRoot.querySelectorAll('.windows input')) radio.checked = radio.value === chosen;
    if (!o.reference || !o.sex || !o.measurement_method) return;
    const focused = this.shadowRoot.activeElement?.closest?.('.point')?.dataset.point;
    const svg = renderChart(o);
    const chart = this.shadowRoot.querySelector('.chart');
    const replaced = redraw(chart, this.#svg, svg);
    this.#svg = svg;
    if (replaced) {
      const rows = this.shadowRoot.querySelector('.table tbody')?.rows;
      for (const node of replaced) {
        if (node.classList.contains('point') && rows?.[node.dataset.point]) rows[node.dataset.point].cells[0].textContent = sentence(node);
      }
    } else {
      this.#table(chart.querySelectorAll('.point'));
    }
    if (focused !== undefined && !this.shadowRoot.activeElement) chart.querySelector(`.point[data-point="${focused}"]`)?.focus();
  }

  /** The element's own words (the age-window choice and the table's summary): `messages` over MESSAGES, as the chart's. */
  #words(messages) {
    const m = { ...MESSAGES, ...messages };
    const root = this.shadowRoot;
    root.querySelector('.windows legend').textContent = m.ageWindow;
    for (const radio of root.querySelectorAll('.windows input')) radio.nextElementSibling.textContent = m.ageWindows[radio.value] ?? radio.value;
    root.querySelector('summary').textContent = m.table;
  }

  #table(points) {
    const rows = [...points].map((p) => `<tr><td>${sentence(p).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td></tr>`);
    this.shadowRoot.querySelector('.table').innerHTML = rows.length
      ? `<table><caption>${this.shadowRoot.querySelector('svg title')?.textContent ?? ''}</caption><tbody>${rows.join('')}</tbody></table>` : '';
  }

  #focus(point) {
    if (!point) return;
    this.#tooltip(point);
    this.shadowRoot.querySelector('.announce').textContent = sentence(point);
    this.dispatchEvent(new CustomEvent('centile-focus', { detail: detail(point), bubbles: true, composed: true }));
  }

  #select(point) {
    if (!point) return;
    for (const p of this.shadowRoot.querySelectorAll('.point[aria-current]')) p.removeAttribute('aria-current');
    point.setAttribute('aria-current', 'true');
    point.focus();
    this.#tooltip(point);
    this.dispatchEvent(new CustomEvent('centile-select', { detail: detail(point), bubbles: true, composed: true }));
  }

  #key(e) {
    const point = e.target.closest?.('.point');
    if (!point) return;
    const next = stepTo([...this.shadowRoot.querySelectorAll('.point')], point, e.key);
    if (next) {
      e.preventDefault();
      next.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#select(point);
    }
  }

  #tooltip(point) {
    showTip(this.shadowRoot.querySelector('.tooltip'), this.shadowRoot.querySelector('.chart'), point);
  }
}

/** A PNG chunk: length, type, data and CRC. */
function chunk(type, data) {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set([...type].map((c) => c.charCodeAt(0)), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A pHYs chunk saying `dpi` (in pixels per metre). */
function physicalSize(dpi) {
  const data = new Uint8Array(9);
  const perMetre = Math.round(dpi / 0.0254);
  new DataView(data.buffer).setUint32(0, perMetre);
  new DataView(data.buffer).setUint32(4, perMetre);
  data[8] = 1;
  return chunk('pHYs', data);
}

/** A tEXt chunk (Latin-1), or an iTXt chunk (UTF-8) when the text has other characters. */
function textChunk(keyword, text) {
  const key = [...keyword].map((c) => c.charCodeAt(0));
  if (/^[\u0001-\u00ff]*$/.test(text)) return chunk('tEXt', Uint8Array.from([...key, 0, ...[...text].map((c) => c.charCodeAt(0))]));
  // Keyword, no compression (flag and method 0), no language tag, no translated keyword, then the UTF-8 text.
  return chunk('iTXt', Uint8Array.from([...key, 0, 0, 0, 0, 0, ...new TextEncoder().encode(text)]));
}

/** `png` with `chunks` inserted after its IHDR chunk, as a Blob. */
function withChunks(png, chunks) {
  const at = 8 + 25;
  return new Blob([png.subarray(0, at), ...chunks, png.subarray(at)], { type: 'image/png' });
}

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

if (typeof customElements !== 'undefined' && !customElements.get('centile-chart')) customElements.define('centile-chart', CentileChartElement);
