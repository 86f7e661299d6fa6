// centile/chart: a growth chart as an SVG string (see docs/charts.md).
import type { CentileFormat, MeasurementMethod, MeasurementObject, BulkResult, MidParentalHeightResponse, Reference, Sex } from 'centile';

/** Colours and font; any token left out keeps the light default (THEME). */
export interface ChartTheme {
  background: string;
  text: string;
  axis: string;
  line: string;
  label: string;
  chronological: string;
  corrected: string;
  bone: string;
  event: string;
  midParental: string;
  transition: string;
  puberty: string;
  /** The SDS chart's colour for each method, the same on every chart. */
  methods: { [M in MeasurementMethod]: string };
  font: string;
}

/** The chart's words; replace any of them for another language (MESSAGES has the English). */
export type ChartMessages = typeof MESSAGES;

export interface ChartOptions {
  /** The dGC reference, as for `calculation`. */
  reference: Reference;
  sex: Sex;
  /** The method drawn (centile chart). The SDS chart draws every method in `measurements`. */
  measurement_method: MeasurementMethod;
  /** Measurements exactly as `calculation` / `bulkCalculation` return them; error entries are skipped. Default none. */
  measurements?: readonly (MeasurementObject | BulkResult)[];
  /** `centile` (default): the measurement against centile lines; `sds`: every method's SDS against lines every 0.67 SD. */
  kind?: 'centile' | 'sds';
  /** The ages points are drawn at: `both` (default; a dot and a cross joined by a line where they differ), `chronological` or `corrected`. */
  age?: 'chronological' | 'corrected' | 'both';
  /** The centile lines: a named set (default `cole-nine-centiles`) or 1–15 centiles, as `chartCoordinates` takes them. */
  centiles?: CentileFormat | readonly number[];
  /** What `midParentalHeight` returned: drawn on height charts whose window reaches 18 years. */
  midParentalHeight?: MidParentalHeightResponse | null;
  /** Size in px (the SVG's viewBox). Default 720 × 480. */
  width?: number;
  height?: number;
  /** Ages shown, in decimal years: `auto` (default: the smallest usual window holding the points), `whole`, or `[from, to]`. */
  ageWindow?: 'auto' | 'whole' | readonly [number, number];
  /** Adds an imperial axis (inches or pounds) on the right of a height, weight or head chart. Default false. */
  imperial?: boolean;
  /** Theme tokens; see ChartTheme. */
  theme?: Partial<Omit<ChartTheme, 'methods'>> & { methods?: Partial<ChartTheme['methods']> };
  /** Words, for another language; see MESSAGES. */
  messages?: Partial<ChartMessages>;
  /** The child's label, shown in the title and on every export. Default none. */
  childLabel?: string;
  /** Replaces the title. */
  title?: string;
}

/** The chart as an SVG string: byte-identical for the same options in every JavaScript engine. Throws a 422 CentileError naming the option for a missing or mistyped option (a size, window, centile set or measurement that cannot be drawn), and the engine's CentileError for what chartCoordinates refuses. */
export declare function renderChart(options: ChartOptions): string;
/** A centile as the chart shows it: an integer; one decimal below 1 or above 99; `<0.4` and `>99.6` beyond. */
export declare function formatCentile(centile: number | null | undefined): string;
/** A measurement to one decimal place. */
export declare function formatValue(value: number): string;
/** `0.4th`, `2nd`, `91st`, `99.6th`: the centile (to one decimal) and its suffix from `suffix` (default MESSAGES.ordinal). */
export declare function ordinal(centile: number, suffix?: ChartMessages['ordinal']): string;
export declare const THEME: ChartTheme;
export declare const MESSAGES: {
  title: { [M in MeasurementMethod | 'sds']: string };
  unit: { [M in MeasurementMethod | 'sds']: string };
  imperialUnit: { height: string; weight: string; ofc: string };
  sex: { [S in Sex]: string };
  age: string;
  gestation: string;
  weeks: string;
  months: string;
  years: string;
  chronological: string;
  corrected: string;
  bone: string;
  centile: string;
  sdsAxis: string;
  transition: { uk90_preterm: string; lying: string; uk_who_child: string; generic: string };
  transitionLabel: { uk90_preterm: string; lying: string; uk_who_child: string; generic: string };
  weightLoss: string;
  puberty: { [S in Sex]: string };
  midParental: string;
  midParentalRange: string;
  /** `{weeks}` is replaced by e.g. `8+2`. */
  weeksPremature: string;
  /** A corrected age before term: `{weeks}` and `{days}` are replaced (e.g. `34+3 weeks gestation`). */
  gestationalAge: string;
  noData: string;
  acknowledgement: { [R in Exclude<Reference, 'turner'>]: string };
  /** `{version}` and `{fingerprint}` are replaced. */
  provenance: string;
  /** A centile line's label's suffix by the English rule: `one` after 1, 21…, `two` after 2, 22…, `few` after 3, 23…, `other` after the rest (11–13, decimals). */
  ordinal: { one: string; two: string; few: string; other: string };
  /** <centile-chart>'s choice of age window: its name. */
  ageWindow: string;
  /** Each window's label, by its age-window value. */
  ageWindows: { auto: string; '0 1': string; '0 4': string; '2 18': string; whole: string };
  /** <centile-chart>'s table twin: the summary that opens it. */
  table: string;
};
