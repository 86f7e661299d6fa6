// The one check of a drawn centile chart against its numbers, shared by every consumer that draws one (plain page,
// React, Vue, Svelte): the points read from the page (the chart's SVG in a <centile-chart>'s shadow root or in the
// light DOM) must be exactly the measurements given, one point each, and every point's screen position must be the
// plot's linear map (data-x-domain → data-x-range, data-y-domain → data-y-range) of its age and value, to 0.5 px.
// tests/chart/run.mjs reads its pages' points with the same function.

/**
 * Runs in the page (page.evaluate(readPoints)): the first chart's points, each with its data attributes, its mark's
 * centre and the map's answer (in viewBox units), its centre on the screen (CSS px) and its sentence (its
 * accessible name); null while none is drawn.
 */
export function readPoints() {
  const svg = document.querySelector('centile-chart')?.shadowRoot?.querySelector('svg') ?? document.querySelector('svg[data-centile-version]');
  if (!svg) return null;
  const plot = svg.querySelector('.plot').dataset;
  const nums = (s) => s.split(' ').map(Number);
  const [d0, d1] = nums(plot.xDomain); const [v0, v1] = nums(plot.yDomain);
  const [x0, x1] = nums(plot.xRange); const [y0, y1] = nums(plot.yRange);
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('.point')].map((p) => {
    const r = p.getBoundingClientRect();
    return {
      label: p.getAttribute('aria-label'), screen: [r.left + r.width / 2, r.top + r.height / 2],
      kind: p.dataset.ageKind, age: p.dataset.decimalAge, value: p.dataset.value,
      want: [x0 + ((p.dataset.decimalAge - d0) / (d1 - d0)) * (x1 - x0), y0 + ((p.dataset.value - v0) / (v1 - v0)) * (y1 - y0)],
      got: [(r.left + r.width / 2 - box.left) / scale, (r.top + r.height / 2 - box.top) / scale],
    };
  });
}

/** How far a point of readPoints is drawn from the map of its age and value, in viewBox units. */
export const offMap = (p) => Math.max(Math.abs(p.got[0] - p.want[0]), Math.abs(p.got[1] - p.want[1]));

/**
 * Waits for the chart on `page`, then checks it against `measurements` (what bulkCalculation returned for the
 * child the page draws, a term child: one chronological point each). Throws on any difference; resolves to the
 * number of points and the largest distance from the map, in px.
 */
export async function checkChartPoints(page, measurements) {
  await page.waitForFunction(readPoints, undefined, { timeout: 30000 }).catch(() => {});
  const points = (await page.evaluate(readPoints)) ?? [];
  const want = measurements.map((m) => m.plottable_data.centile_data.chronological_decimal_age_data);
  if (points.length !== want.length) throw new Error(`${points.length} points drawn for ${want.length} measurements`);
  let worst = 0;
  for (const [i, p] of points.entries()) {
    if (p.kind !== 'chronological' || Number(p.age) !== want[i].x || Number(p.value) !== want[i].y) {
      throw new Error(`point ${i} is ${p.kind} (${p.age}, ${p.value}), the measurement is (${want[i].x}, ${want[i].y})`);
    }
    const off = offMap(p);
    if (!(off <= 0.5)) throw new Error(`point ${i} is ${off.toFixed(2)} px from the map of its age and value: ${JSON.stringify(p)}`);
    worst = Math.max(worst, off);
  }
  return { count: points.length, worst };
}
