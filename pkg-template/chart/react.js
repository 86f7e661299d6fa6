// centile/react: <CentileChart>, renderChart's SVG as a React component (React 18 and 19, server rendering).
//
// A pure function of its props: the SVG is renderChart(props) (memoised on the props that change it), so an edit
// of one visit redraws in place and never needs a `key` remount. The first SVG is React's (and the server's) HTML;
// later ones are put in before the browser paints, replacing only the points that changed when nothing else did.
// onPointFocus / onPointSelect receive the point's details (from its data attributes); arrow keys move between points.
// A point's sentence shows in a tooltip on hover (a mouse within 22 px of it), focus and a tap; a click or tap
// reaches the nearest point within 22 px (a 44 px target).
import { createElement, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { renderChart } from 'centile/chart';
import { detail, pointOf, showTip, stepTo } from './points.js';
import { redraw } from './redraw.js';

/** A layout effect in the browser; on a server (no document, no effects run) useEffect, which React does not warn about. */
const useBeforePaint = typeof document === 'undefined' ? useEffect : useLayoutEffect;

const OPTIONS = ['reference', 'sex', 'measurement_method', 'measurements', 'kind', 'age', 'centiles', 'midParentalHeight', 'width',
  'height', 'ageWindow', 'imperial', 'theme', 'messages', 'childLabel', 'title'];

/** The tooltip's look: a dark box over the chart, never in the pointer's way. */
const TIP = { position: 'absolute', pointerEvents: 'none', maxWidth: '18em', padding: '6px 8px', borderRadius: 4, font: '13px system-ui, sans-serif',
  background: '#1f2933', color: '#ffffff' };

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
  const tip = useRef(null);
  const hovered = useRef(null);
  const svgOf = () => box.current?.querySelector('svg');
  const show = (point) => showTip(tip.current, box.current, point);
  const onFocus = useCallback((e) => {
    const p = e.target.closest?.('.point');
    if (!p) return;
    show(p);
    if (onPointFocus) onPointFocus(detail(p));
  }, [onPointFocus]);
  const onBlur = useCallback(() => show(null), []);
  // A mouse or pen shows the tooltip of the point it is near; a touch tooltip is the tapped point's (focused by the tap).
  const onPointerMove = useCallback((e) => {
    if (e.pointerType === 'touch') return;
    const p = pointOf(svgOf(), e.nativeEvent);
    box.current.style.cursor = p ? 'pointer' : '';
    if (p !== hovered.current) show((hovered.current = p));
  }, []);
  const onPointerLeave = useCallback((e) => {
    if (e.pointerType !== 'touch' && hovered.current) show((hovered.current = null));
  }, []);
  const onClick = useCallback((e) => {
    const p = pointOf(svgOf(), e.nativeEvent);
    if (!p) return;
    p.focus();
    if (onPointSelect) onPointSelect(detail(p));
  }, [onPointSelect]);
  const onKeyDown = useCallback((e) => {
    const p = e.target.closest?.('.point');
    if (!p) return;
    const next = stepTo([...e.currentTarget.querySelectorAll('.point')], p, e.key);
    if (next) {
      e.preventDefault();
      next.focus();
    } else if ((e.key === 'Enter' || e.key === ' ') && onPointSelect) {
      e.preventDefault();
      onPointSelect(detail(p));
    }
  }, [onPointSelect]);
  return createElement('div', { className, style: { position: 'relative', ...style }, onFocus, onBlur, onPointerMove, onPointerLeave, onClick, onKeyDown },
    createElement('div', { ref: box, dangerouslySetInnerHTML: html }),
    createElement('div', { ref: tip, className: 'centile-tooltip', hidden: true, style: TIP }));
}
