// Types of `centile/nutrition`: every function of `centile`, and, BEYOND THE dGC API (docs/nutrition.md), the
// measurements the RCPCH Digital Growth Charts API does not have: WHO weight-for-length/height, arm circumference
// and skinfolds, CDC weight-for-length/stature, the IOTF reference, and WHO Anthro's and the CDC program's
// implausible-value flags. The other entries answer these with a 422 CentileError naming this entry.

import type {
  BulkRequest, CalculationOptions, ChartCoordinateRequest, ChartCoordinates, ErrorDetail, GrowthObservation,
  MeasurementMethod, MeasurementObject, MeasurementRequest, Observation, Reference, ToFhirOptions,
} from '../index.js';

export * from '../index.js';

/** Beyond the dGC API: arm circumference (cm), triceps and subscapular skinfolds (mm), weight (kg) for a length
 * measured lying (`length`) or a height measured standing (`height`). */
export type BeyondMethod = 'arm_circumference' | 'triceps_skinfold' | 'subscapular_skinfold' | 'weight_for_length' | 'weight_for_height';

/** A reference of `centile`, or beyond the dGC API `iotf` (Cole and Lobstein 2012 BMI, 2-18 years; `bmi` only). */
export type NutritionReference = Reference | 'iotf';

/** A calculation request whose method may be beyond the dGC API (`length` or `height` where it takes one). */
export interface NutritionRequest extends Omit<MeasurementRequest, 'measurement_method'> {
  measurement_method: MeasurementMethod | BeyondMethod;
}

/** A bulk request whose method may be beyond the dGC API. */
export interface NutritionBulkRequest extends Omit<BulkRequest, 'measurement_method' | 'observations'> {
  measurement_method: MeasurementMethod | BeyondMethod;
  observations: readonly Observation[];
}

/** Beyond the dGC API: the WHO/UNICEF acute malnutrition grade (6-59 months) and the publication it is from. */
export interface AcuteMalnutrition {
  classification: 'severe_acute_malnutrition' | 'moderate_acute_malnutrition' | 'no_acute_malnutrition';
  source: string;
}

/** Beyond the dGC API: the IOTF adult-equivalent BMI (null where the centile curve has no value at 18) and category. */
export interface IotfResult {
  adult_equivalent_bmi: number | null;
  category: 'thinness_grade_3' | 'thinness_grade_2' | 'thinness_grade_1' | 'normal' | 'overweight' | 'obesity' | 'morbid_obesity';
}

/** Beyond the dGC API: one publisher's implausible-value flag, its score and cut-offs. */
export interface ImplausibleValueFlag {
  name: string;
  score: string;
  value: number;
  cut_offs: [number, number];
  flag: 'low' | 'high' | null;
}

/** Beyond the dGC API: a result's `beyond_dgc` block. The reading's keys are present together, for a measurement
 * beyond the dGC API; `implausible_value_flags` when a bulk request asked for them. */
export interface BeyondDgc {
  measurement_method?: MeasurementMethod | BeyondMethod;
  growth_reference?: 'who' | 'cdc' | 'iotf';
  /** The table read, e.g. `WHO 2006 weight-for-length (45-110 cm)`. */
  table?: string | null;
  /** Weight-for-length/height: the length or height read, cm, after WHO's 0.7 cm position adjustment. */
  length_height_read?: number | null;
  acute_malnutrition?: AcuteMalnutrition | null;
  iotf?: IotfResult | null;
  implausible_value_flags?: { who: ImplausibleValueFlag | null; cdc: ImplausibleValueFlag | null };
}

/** A measurement object, with `beyond_dgc` for what is beyond the dGC API (its `measurement_method` and
 * `growth_reference` may then name a method or reference beyond it). */
export type NutritionMeasurementObject = MeasurementObject & { beyond_dgc?: BeyondDgc };

export interface NutritionBulkResponse {
  results: (NutritionMeasurementObject | ErrorDetail)[];
}

/** `calculation`, and beyond the dGC API its methods and the `iotf` reference. Throws CentileError. */
export declare function calculation(reference: NutritionReference, request: NutritionRequest, options?: CalculationOptions): NutritionMeasurementObject;

/** `bulkCalculation`, and beyond the dGC API its methods, the `iotf` reference and `implausible_value_flags`. */
export declare function bulkCalculation(reference: NutritionReference, request: NutritionBulkRequest, options?: CalculationOptions): NutritionBulkResponse;

/** Beyond the dGC API: a chart request of one of its tables (`M`: the methods the reference has beyond it). */
export interface NutritionChartRequest<M extends BeyondMethod | 'bmi' = BeyondMethod | 'bmi'> extends Omit<ChartCoordinateRequest, 'measurement_method'> {
  measurement_method: M;
}

/** Beyond the dGC API: the key of the table a chart draws. */
export type NutritionChartTable = 'who_2006_weight_for_length' | 'who_2006_weight_for_height' | 'who_2006_arm_circumference'
  | 'who_2006_triceps_skinfold' | 'who_2006_subscapular_skinfold' | 'cdc_2000_weight_for_length' | 'cdc_2000_weight_for_stature' | 'iotf_bmi';

/** Beyond the dGC API: a point of a line, one per table row, unrounded. */
export interface NutritionChartPoint {
  /** The line's label (its centile, or its SDS to 3 dp). */
  l: number;
  /** Weight-for-length/height: the length or height, cm. The others: the age in decimal years. */
  x: number;
  /** The measurement at the line's centile; null where the publisher's curve has no value. */
  y: number | null;
}

/** Beyond the dGC API: a centile or SDS line of a table. */
export interface NutritionCentileLine {
  sds: number;
  centile: number;
  data: NutritionChartPoint[];
}

/** Beyond the dGC API: the chart of one table in the dGC shape, one segment named after the table; under the sex
 * drawn, the lines by the method's name (the other sex null). */
export interface NutritionChart {
  centile_data: [{ [T in NutritionChartTable]?: {
    male: { [method: string]: NutritionCentileLine[] } | null;
    female: { [method: string]: NutritionCentileLine[] } | null;
  } }];
}

/** Beyond the dGC API: the IOTF BMI chart (2-18 years by half year). Throws CentileError. */
export declare function chartCoordinates(reference: 'iotf', request: NutritionChartRequest<'bmi'>): NutritionChart;
/** Beyond the dGC API: CDC 2000 weight-for-length (x: length, cm) and weight-for-stature (x: stature, cm). */
export declare function chartCoordinates(reference: 'cdc', request: NutritionChartRequest<'weight_for_length' | 'weight_for_height'>): NutritionChart;
/** Beyond the dGC API: WHO 2006 weight-for-length/height (x: length or height, cm), arm circumference and
 * skinfolds for age (x: age, years). */
export declare function chartCoordinates(reference: 'who', request: NutritionChartRequest<BeyondMethod>): NutritionChart;
/** `chartCoordinates` of `centile`. Throws CentileError. */
export declare function chartCoordinates(reference: Reference, request: ChartCoordinateRequest): ChartCoordinates;

/** `toFhir`, and beyond the dGC API its results (docs/fhir.md): weight-for-length/height under LOINC 77606-2 (US
 * Core `pediatric-weight-for-height`), arm circumference under `arm-circumference-centile` (system
 * `urn:centile:result`) with its measurement as LOINC 56072-2; the skinfolds (no LOINC code is known) and IOTF
 * results are a 422. Throws CentileError. */
export declare function toFhir(measurement: NutritionMeasurementObject, options?: ToFhirOptions | null): GrowthObservation;
