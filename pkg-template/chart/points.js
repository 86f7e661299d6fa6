// A drawn chart's points, as <centile-chart> and CentileChart use them (scripts/build-pkg.mjs inlines this into
// each): a point is one element (its mark), named by its aria-label and described by its data attributes. Its 44 px
// target is not an element: a pointer reaches the point whose centre is nearest, within 22 px.

/** How far from a point's centre a pointer still reaches it, in CSS px (a 44 px target). */
export const REACH = 22;

/** A point's sentence (date, ages, value, centile and band): its accessible name. */
export const sentence = (point) => point.getAttribute('aria-label') ?? '';

/** A point's details, as the `centile-focus` / `centile-select` events and onPointFocus / onPointSelect give them. */
export function detail(point) {
  const d = point.dataset;
  return { index: Number(d.index), point: Number(d.point), ageKind: d.ageKind, method: d.method, decimalAge: Number(d.decimalAge),
    value: Number(d.value), centile: d.centile === '' ? null : Number(d.centile), label: sentence(point) };
}

/**
 * The point of `svg` (renderChart's SVG in the page) whose centre is nearest (clientX, clientY), if it is within
 * REACH; else null. Centres are the plot's linear map (data-x-domain → data-x-range, data-y-domain → data-y-range)
 * of each point's age and value, taken to the screen by the SVG's own transform, so no element is measured.
 */
export function pointAt(svg, clientX, clientY) {
  const plot = svg?.querySelector('.plot')?.dataset;
  const screen = svg?.getScreenCTM();
  if (!plot || !screen) return null;
  const nums = (s) => s.split(' ').map(Number);
  const [d0, d1] = nums(plot.xDomain);
  const [v0, v1] = nums(plot.yDomain);
  const [x0, x1] = nums(plot.xRange);
  const [y0, y1] = nums(plot.yRange);
  const { a, b, c, d, e, f } = screen;
  let nearest = null;
  let distance = REACH;
  for (const p of svg.querySelectorAll('.point')) {
    const x = x0 + ((p.dataset.decimalAge - d0) / (d1 - d0)) * (x1 - x0);
    const y = y0 + ((p.dataset.value - v0) / (v1 - v0)) * (y1 - y0);
    const far = Math.hypot(a * x + c * y + e - clientX, b * x + d * y + f - clientY);
    if (far <= distance) [nearest, distance] = [p, far];
  }
  return nearest;
}

/** The point a pointer event is about: the nearest within reach of where it happened (or, if none, its target's). */
export const pointOf = (svg, event) => (event.isTrusted ? pointAt(svg, event.clientX, event.clientY) : null) ?? event.target.closest?.('.point') ?? null;

/** The point the arrow keys, Home or End move to from `point`, among `all` in drawing order; undefined for other keys. */
export function stepTo(all, point, key) {
  const i = all.indexOf(point);
  const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 }[key];
  return next === undefined ? undefined : all[Math.max(0, Math.min(all.length - 1, next))];
}

/**
 * Shows `tip` (an absolutely placed box in `container`) with `point`'s sentence, above the point (below it where
 * there is no room), within the container's width; hides it when `point` is null.
 */
export function showTip(tip, container, point) {
  if (!point) {
    tip.hidden = true;
    return;
  }
  tip.textContent = sentence(point);
  tip.hidden = false;
  const box = container.getBoundingClientRect();
  const mark = point.getBoundingClientRect();
  const x = mark.left - box.left + mark.width / 2;
  const y = mark.top - box.top;
  tip.style.left = `${Math.max(0, Math.min(box.width - tip.offsetWidth, x - tip.offsetWidth / 2))}px`;
  tip.style.top = `${y > tip.offsetHeight + 8 ? y - tip.offsetHeight - 8 : y + mark.height + 8}px`;
}
