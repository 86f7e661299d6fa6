// centile/element: the <centile-chart> custom element (see docs/charts.md).
import type { BulkResult, MeasurementObject } from 'centile';
import type { ChartOptions } from 'centile/chart';

/** What `centile-focus` and `centile-select` events carry, read from the point's data attributes. */
export interface ChartPointDetail {
  /** The point's measurement: its index in `measurements`. */
  index: number;
  /** The point's position among the drawn points. */
  point: number;
  ageKind: 'chronological' | 'corrected' | 'bone';
  method: string;
  decimalAge: number;
  value: number;
  centile: number | null;
  /** The sentence announced for the point. */
  label: string;
}

export declare class CentileChartElement extends HTMLElement {
  /** Measurements exactly as `calculation` / `bulkCalculation` return them. */
  measurements: readonly (MeasurementObject | BulkResult)[];
  /** renderChart's options (attributes override the scalar ones; the width follows the element). Its `messages` also word the age-window choice and the table twin (MESSAGES.ageWindow, ageWindows, table). */
  options: Partial<ChartOptions>;
  /** Draws now (changes are otherwise drawn at the next frame). */
  render(): void;
  /** The chart as drawn, as SVG text. */
  toSVG(): string;
  /**
   * The chart as a PNG, 300 dpi unless told otherwise (a pHYs chunk; pixels = the chart's CSS px × dpi / 96), with
   * text chunks Title, Child, Reference, Software (centile's version), Tables (fingerprint) and Copyright (attribution).
   */
  toPNG(options?: { dpi?: number }): Promise<Blob>;
  /** A file name naming the child label, reference, method, centile's version, table fingerprint and attribution. */
  exportName(extension: string): string;
}

declare global {
  interface HTMLElementTagNameMap {
    'centile-chart': CentileChartElement;
  }
  interface HTMLElementEventMap {
    'centile-focus': CustomEvent<ChartPointDetail>;
    'centile-select': CustomEvent<ChartPointDetail>;
  }
}
