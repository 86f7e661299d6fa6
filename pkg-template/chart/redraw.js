// Puts a new renderChart SVG into the page in place of the one shown, replacing only the points that changed when
// nothing else did (the usual edit of a visit), so an edit costs a few elements, not the whole chart. Shared by
// <centile-chart> and CentileChart (scripts/build-pkg.mjs inlines it into each).

const POINTS = '<g class="points">';
const ENDS = { '<line': '/>', '<circle': '/>', '<path': '/>', '<text': '</text>' };

/**
 * renderChart's SVG as the text before its points group's children, each child's text, and the text after them;
 * null if it has no points group. The children are links (<line/>), points (<circle/> or <path/>) and labels
 * (<text>); renderChart escapes < and > in every attribute and text, so each ends at its first closing tag.
 */
function split(svg) {
  const start = svg.indexOf(POINTS);
  if (start < 0) return null;
  const items = [];
  let at = start + POINTS.length;
  while (!svg.startsWith('</g>', at)) {
    const open = Object.keys(ENDS).find((tag) => svg.startsWith(tag, at));
    const end = open ? svg.indexOf(ENDS[open], at) : -1;
    if (end < 0) return null;
    const next = end + ENDS[open].length;
    items.push(svg.slice(at, next));
    at = next;
  }
  return { head: svg.slice(0, start + POINTS.length), items, tail: svg.slice(at) };
}

/**
 * Shows `svg` in `container`, which shows `shown` (the SVG drawn there before, or '' for none). Returns the new
 * elements when only points were replaced, or null when the whole chart was; either way the container then holds
 * exactly `svg`.
 */
export function redraw(container, shown, svg) {
  const before = shown ? split(shown) : null;
  const after = split(svg);
  const group = container.querySelector('.points');
  if (!(before && after && group && before.head === after.head && before.tail === after.tail
    && before.items.length === after.items.length && group.childElementCount === after.items.length)) {
    container.innerHTML = svg;
    return null;
  }
  const range = document.createRange();
  range.selectNodeContents(group);
  const replaced = [];
  after.items.forEach((item, i) => {
    if (item === before.items[i]) return;
    const node = range.createContextualFragment(item).firstElementChild;
    group.children[i].replaceWith(node);
    replaced.push(node);
  });
  return replaced;
}
