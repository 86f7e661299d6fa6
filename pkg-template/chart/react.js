// centile/react: <CentileChart>, renderChart's SVG as a React component (React 18 and 19, server rendering).
//
// A pure function of its props: the SVG is renderChart(props) (memoised on the props that change it), so an edit
// of one visit redraws in place and never needs a `key` remount. The first SVG is React's (and the server's) HTML;
// later ones are put in before the browser paints, replacing only the points that changed when nothing else did.
// onPointFocus / onPointSelect receive the point's details (from its data attributes); arrow keys move between points.
import { createElement, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { renderChart } from 'centile/chart';
import { redraw } from './redraw.js';

/** A layout effect in the browser; on a server (no document, no effects run) useEffect, which React does not warn about. */
const useBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect;

const OPTIONS = ['reference', 'sex', 'measurement_method', 'measurements', 'kind', 'age', 'centiles', 'midParentalHeight', 'width',
  'height', 'ageWindow', 'imperial', 'theme', 'messages', 'childLabel', 'title'];

/** The details of a point element, as onPointFocus / onPointSelect receive them. */
function detail(point) {
  const d = point.dataset;
  return { index: Number(d.index), point: Number(d.point), ageKind: d.ageKind, method: d.method, decimalAge: Number(d.decimalAge),
    value: Number(d.value), centile: d.centile === '' ? null : Number(d.centile), label: point.querySelector('title')?.textContent ?? '' };
}

/** @param {import('./react').CentileChartProps} props */
export function CentileChart(props) {
  const { className, style, onPointFocus, onPointSelect } = props;
  const svg = useMemo(() => renderChart(props), OPTIONS.map((k) => props[k]));
  // React writes this HTML once (it never changes), so it never replaces the chart; redraw() does, in place.
  const [html] = useState(() => ({ __html: svg }));
  const box = useRef(null);
  const shown = useRef(html.__html);
  useBeforePaint(() => {
    if (svg === shown.current) return;
    redraw(box.current, shown.current, svg);
    shown.current = svg;
  }, [svg]);
  const point = (e) => e.target.closest?.('.point');
  const onFocus = useCallback((e) => {
    const p = point(e);
    if (p && onPointFocus) onPointFocus(detail(p));
  }, [onPointFocus]);
  const onClick = useCallback((e) => {
    const p = point(e);
    if (p && onPointSelect) onPointSelect(detail(p));
  }, [onPointSelect]);
  const onKeyDown = useCallback((e) => {
    const p = point(e);
    if (!p) return;
    const all = [...e.currentTarget.querySelectorAll('.point')];
    const i = all.indexOf(p);
    const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 }[e.key];
    if (next !== undefined) {
      e.preventDefault();
      all[Math.max(0, Math.min(all.length - 1, next))].focus();
    } else if ((e.key === 'Enter' || e.key === ' ') && onPointSelect) {
      e.preventDefault();
      onPointSelect(detail(p));
    }
  }, [onPointSelect]);
  return createElement('div', { ref: box, className, style, onFocus, onClick, onKeyDown, dangerouslySetInnerHTML: html });
}
