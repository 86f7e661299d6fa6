// A strict reader for the chart's SVG (well-formed XML without comments, CDATA or processing instructions), for
// tests: `parse(text)` gives the root element `{ name, attrs, children, text, parent }` and throws on anything
// malformed (an unclosed or mismatched tag, an attribute without quotes, a stray `<` or `&`).
const ENTITY = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s) => {
  if (/&(?!(#\d+|amp|lt|gt|quot|apos);)/.test(s)) throw new Error(`unescaped & in ${JSON.stringify(s.slice(0, 40))}`);
  return s.replace(/&(#\d+|\w+);/g, (_, e) => (e[0] === '#' ? String.fromCharCode(Number(e.slice(1))) : ENTITY[e]));
};

export function parse(text) {
  const root = { name: '#document', attrs: {}, children: [], text: '', parent: null };
  let node = root;
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m;
  let at = 0;
  while (at < text.length) {
    tag.lastIndex = at;
    m = tag.exec(text);
    if (!m) throw new Error(`malformed SVG at ${at}: ${JSON.stringify(text.slice(at, at + 60))}`);
    at = tag.lastIndex;
    if (m[5] !== undefined) {
      node.text += decode(m[5]);
      continue;
    }
    const [, close, name, rawAttrs, selfClose] = m;
    if (close) {
      if (node.name !== name) throw new Error(`</${name}> closes <${node.name}>`);
      node = node.parent;
      continue;
    }
    const attrs = {};
    for (const [, k, v] of rawAttrs.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (k in attrs) throw new Error(`duplicate attribute ${k} on <${name}>`);
      attrs[k] = decode(v);
    }
    const el = { name, attrs, children: [], text: '', parent: node };
    node.children.push(el);
    if (!selfClose) node = el;
  }
  if (node !== root) throw new Error(`<${node.name}> is not closed`);
  if (root.children.length !== 1) throw new Error('not exactly one root element');
  return root.children[0];
}

/** Every element under `el` (itself included) for which `test` holds, in document order. */
export function all(el, test) {
  const out = [];
  const walk = (e) => {
    if (test(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** Elements whose class list has `name`. */
export const byClass = (el, name) => all(el, (e) => (e.attrs.class ?? '').split(' ').includes(name));

/** The text of an element and its descendants. */
export const textOf = (el) => el.text + el.children.map(textOf).join('');

/** The vertices of a path made of M and L commands, as [[x, y], ...]; throws on any other command. */
export function vertices(d) {
  const out = [];
  for (const [, cmd, x, y] of d.matchAll(/([A-Za-z])\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)) {
    if (cmd !== 'M' && cmd !== 'L') throw new Error(`path command ${cmd}`);
    out.push([Number(x), Number(y)]);
  }
  return out;
}

/** The runs of a path (split at each M). */
export const runs = (d) => d.split('M').filter(Boolean).map((r) => vertices(`M${r}`));

/** The plot area's linear map: `{ x(age), y(value), xDomain, yDomain, xRange, yRange }` from its data attributes. */
export function plotMap(svg) {
  const [plot] = byClass(svg, 'plot');
  const nums = (k) => plot.attrs[k].split(' ').map(Number);
  const [d0, d1] = nums('data-x-domain');
  const [v0, v1] = nums('data-y-domain');
  const [x0, x1] = nums('data-x-range');
  const [y0, y1] = nums('data-y-range');
  return {
    plot, xDomain: [d0, d1], yDomain: [v0, v1], xRange: [x0, x1], yRange: [y0, y1],
    x: (age) => x0 + ((age - d0) / (d1 - d0)) * (x1 - x0),
    y: (value) => y0 + ((value - v0) / (v1 - v0)) * (y1 - y0),
  };
}
