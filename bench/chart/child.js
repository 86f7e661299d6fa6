// What both pages time (index.html: centile/chart; component.html: the RCPCH chart component): the same child, and
// the frame and garbage helpers around each timed call.
import { bulkCalculation, measurementFromSds } from 'centile';

const born = Date.UTC(2010, 0, 1);
export const day = (d) => new Date(born + d * 864e5).toISOString().slice(0, 10);
/** `n` visits from 2 weeks to 18 years, along the 40th centile with a little wobble. */
export function visits(n) {
  return Array.from({ length: n }, (_, i) => {
    const days = Math.round(14 + (i * (18 * 365.25 - 14)) / (n - 1));
    const sds = -0.25 + 0.3 * Math.sin(i / 3);
    return { observation_date: day(days), observation_value: Math.round(measurementFromSds({ reference: 'uk-who', measurement_method: 'height', sex: 'male', age: days / 365.25, sds }) * 10) / 10 };
  });
}
export const birth = { birth_date: day(0), sex: 'male', measurement_method: 'height', gestation_weeks: 40 };
/** The child's `n` visits scored. */
export const child = (n) => bulkCalculation('uk-who', { ...birth, observations: visits(n) }).results;
/** Resolves after the next frame has been produced (a task queued from inside its animation-frame callback). */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = resolve;
  channel.port2.postMessage(0);
}));
/** Collects garbage before a timed call (bench/chart.mjs exposes gc), so the time is not a collection of the inputs just made. */
export const settle = () => window.gc?.();
