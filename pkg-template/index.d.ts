// Types of the `centile` package (every entry point). Every request and response type and union is generated
// from the Rust definitions (the marked part below); the function declarations and CentileError are hand-written.
// tests/types/drift.test.mjs checks them against real results of the built package (exact key sets, recursively,
// and where null may appear), tests/types/shapes.test.mjs type-checks one golden-vector result of every null-shape
// under tsc --strict, and tests/types/ type-checks correct and deliberately wrong calls. Request and response keys
// are snake_case, exactly as in the RCPCH Digital Growth Charts (dGC) API (FHIR's are FHIR's).

// ---------------------------------------------------------------------------------------------- names, the calculation
// requests and the measurement object, chart coordinates, mid-parental height, FHIR R4, the other functions'
// requests and responses

// ---- generated from src/wasm/contract.rs by `make protocol`: do not edit (`cargo test` fails while it differs)
/** A growth reference: the rcpchgrowth names and the dGC route names (`turner` = `turners-syndrome`). */
export type Reference = 'uk-who' | 'trisomy-21' | 'trisomy-21-aap' | 'turners-syndrome' | 'cdc' | 'who' | 'turner';
/** A reference as results name it (`turner` is reported as `turners-syndrome`). */
export type ReferenceName = 'uk-who' | 'trisomy-21' | 'trisomy-21-aap' | 'turners-syndrome' | 'cdc' | 'who';
/** What was measured: height or length (cm), weight (kg), head circumference (cm), BMI (kg/m²). */
export type MeasurementMethod = 'height' | 'weight' | 'ofc' | 'bmi';
export type Sex = 'male' | 'female';
/** The named sets of centile lines a chart can be drawn with. */
export type CentileFormat =
  | 'cole-nine-centiles'
  | 'three-percent-centiles'
  | 'five-percent-centiles'
  | 'eighty-five-percent-centiles'
  | 'extended-who-centiles';
export type BoneAgeType = 'greulich-pyle' | 'tanner-whitehouse-ii' | 'tanner-whitehouse-iii' | 'fels' | 'bonexpert';
export type AgeType = 'chronological_age' | 'corrected_age';
/** The keys of chart segments (`centile_data` items). */
export type ChartSegmentName =
  | 'uk90_preterm'
  | 'uk_who_infant'
  | 'uk_who_child'
  | 'uk90_child'
  | 'who_2006_infant'
  | 'who_2006_child'
  | 'who_2007_child'
  | 'fenton'
  | 'cdc_infant'
  | 'cdc_child'
  | 'turners-syndrome'
  | 'trisomy-21'
  | 'trisomy_21_aap_infant'
  | 'trisomy_21_aap_child';

/** The birth details of a child (shared by every observation of a bulk request). */
export interface BirthDetails {
  /** `YYYY-MM-DD`. */
  birth_date: string;
  sex: Sex;
  measurement_method: MeasurementMethod;
  /** 22–44, default 40. */
  gestation_weeks?: number | null;
  /** 0–6, default 0. */
  gestation_days?: number | null;
}

/** Bone age and event notes: passed through to the result unchanged. */
export interface ObservationNotes {
  bone_age?: number | null;
  bone_age_type?: BoneAgeType | null;
  bone_age_sds?: number | null;
  bone_age_centile?: number | null;
  bone_age_text?: string | null;
  events_text?: string[] | null;
}

/** One observation of a bulk request. */
export interface Observation extends ObservationNotes {
  /** `YYYY-MM-DD`, not before the birth date. */
  observation_date: string;
  /** cm, kg or kg/m² (> 0). */
  observation_value: number;
  /**
   * Beyond the dGC API (docs/nutrition.md): the length of `weight_for_length`, cm. Read by the centile/nutrition
   * entry (the others answer a 422 naming it), the Rust API and the Python package.
   */
  length?: number | null;
  /**
   * Beyond the dGC API (docs/nutrition.md): the height of `weight_for_height`, cm. Read by the centile/nutrition
   * entry (the others answer a 422 naming it), the Rust API and the Python package.
   */
  height?: number | null;
}

/** The body of a dGC `POST /{reference}/calculation` request. */
export interface MeasurementRequest extends BirthDetails, Observation {}

/** The body of a dGC `POST /{reference}/bulk-calculation` request (no cap on the number of observations). */
export interface BulkRequest extends BirthDetails {
  observations: readonly Observation[];
  /**
   * Beyond the dGC API (docs/nutrition.md): add WHO Anthro's and the CDC program's implausible-value flags to each
   * result. Read by the centile/nutrition entry (the others answer a 422 naming it), the Rust API and the Python
   * package.
   */
  implausible_value_flags?: boolean | null;
}

export interface CalculationEngine {
  name: string;
  version: string;
  commit: string;
}

export interface ReferenceDataProvenance {
  /** e.g. `rcpchgrowth 4.6.5`. */
  source: string;
  /** SHA-256 of the embedded tables. */
  fingerprint: string;
}

export interface Provenance {
  growth_reference: ReferenceName;
  calculation_engine: CalculationEngine;
  reference_data: ReferenceDataProvenance;
}

export interface BirthData {
  birth_date: string;
  gestation_weeks: number;
  gestation_days: number;
  /** `YYYY-MM-DD`. */
  estimated_date_delivery: string;
  /** e.g. `Mon 09 March, 2020`. */
  estimated_date_delivery_string: string;
  sex: Sex;
}

/** Post-menstrual age, until two weeks past the due date. */
export interface CorrectedGestationalAge {
  corrected_gestation_weeks: number | null;
  corrected_gestation_days: number | null;
}

export interface AgeComments {
  clinician_corrected_decimal_age_comment: string;
  lay_corrected_decimal_age_comment: string;
  clinician_chronological_decimal_age_comment: string;
  lay_chronological_decimal_age_comment: string;
}

export interface MeasurementDates {
  observation_date: string;
  /** Decimal years. */
  chronological_decimal_age: number;
  /** Decimal years, corrected for gestation by the reference's rule (negative before term). */
  corrected_decimal_age: number;
  /** e.g. `1 year, 2 months and 3 days`. */
  chronological_calendar_age: string;
  /** Null before the due date. */
  corrected_calendar_age: string | null;
  corrected_gestational_age: CorrectedGestationalAge;
  comments: AgeComments;
  /** Always null: an invalid age throws a CentileError instead. */
  corrected_decimal_age_error: null;
  /** Always null: an invalid age throws a CentileError instead. */
  chronological_decimal_age_error: null;
}

export interface ChildObservationValue {
  measurement_method: MeasurementMethod;
  observation_value: number;
  /**
   * Why the value is flagged, judged at the corrected age (no reference data there, a height under 2 that looks
   * like metres, or beyond ±8 SDS, ±15 for BMI), or null. The numbers are still given; `{ strict: true }` makes
   * such an answer a CentileError (422) instead.
   */
  observation_value_error: string | null;
}

/**
 * SDS, centile and band at each age. Where the reference has no data at an age, that age's SDS, centile and band
 * are null and its `*_measurement_error` says why (at both ages, as rcpchgrowth answers, unless `strict`).
 */
export interface MeasurementCalculatedValues {
  /** Null when the reference has no data at the corrected age (see `corrected_measurement_error`). */
  corrected_sds: number | null;
  /** 0–100, unrounded. */
  corrected_centile: number | null;
  /** A sentence; null without an SDS, and exactly on the top edge of the highest band. */
  corrected_centile_band: string | null;
  /** Null when the reference has no data at the chronological age (see `chronological_measurement_error`). */
  chronological_sds: number | null;
  chronological_centile: number | null;
  chronological_centile_band: string | null;
  /** Why there is no corrected SDS, or null. */
  corrected_measurement_error: string | null;
  /** Why there is no chronological SDS, or null. */
  chronological_measurement_error: string | null;
  /** BMI only; null for other methods. */
  corrected_percentage_median_bmi: number | null;
  chronological_percentage_median_bmi: number | null;
}

/** The keys every plotted point has. */
export interface PlottablePointCommon {
  /** Age in decimal years. */
  x: number;
  /** Bone age, as given. */
  b: number | null;
  events_text: string[] | null;
  bone_age_label: string | null;
  bone_age_type: BoneAgeType | null;
  bone_age_sds: number | null;
  bone_age_centile: number | null;
  lay_comment: string;
  clinician_comment: string;
  /** Always null. */
  age_error: null;
}

/** A point at the chronological age on a centile chart (`y` is the measurement). */
export interface ChronologicalCentilePoint extends PlottablePointCommon {
  y: number;
  /** Null when the reference has no data at this age. */
  centile: number | null;
  sds: number | null;
  /** As `child_observation_value.observation_value_error`. */
  observation_error: string | null;
  age_type: 'chronological_age';
  calendar_age: string;
  centile_band: string | null;
  /** Why there is no SDS at this age, or null. */
  observation_value_error: string | null;
}

/** A point at the corrected age on a centile chart (`y` is the measurement). */
export interface CorrectedCentilePoint extends PlottablePointCommon {
  y: number;
  /** Null when the reference has no data at this age. */
  centile: number | null;
  sds: number | null;
  /** As `child_observation_value.observation_value_error`. */
  observation_error: string | null;
  age_type: 'corrected_age';
  /** e.g. `38 + 6 weeks`; empty after two weeks past the due date. */
  corrected_gestational_age: string;
  calendar_age: string | null;
  centile_band: string | null;
  /** Why there is no SDS at this age, or null. */
  observation_value_error: string | null;
}

/** A point at the chronological age on an SDS chart (`y` is the SDS). */
export interface ChronologicalSdsPoint extends PlottablePointCommon {
  /** The SDS; null when the reference has no data at this age. */
  y: number | null;
  /** Null when the reference has no data at this age. */
  centile: number | null;
  /** Always null (`y` is the SDS). */
  sds: null;
  /** Always null. */
  observation_error: null;
  age_type: 'chronological_age';
  calendar_age: string;
  centile_band: string | null;
  /** Why there is no SDS at this age, or null. */
  observation_value_error: string | null;
}

/** A point at the corrected age on an SDS chart (`y` is the SDS). */
export interface CorrectedSdsPoint extends PlottablePointCommon {
  /** The SDS; null when the reference has no data at this age. */
  y: number | null;
  /** Null when the reference has no data at this age. */
  centile: number | null;
  /** Always null (`y` is the SDS). */
  sds: null;
  /** Always null. */
  observation_error: null;
  age_type: 'corrected_age';
  /** e.g. `38 + 6 weeks`; empty after two weeks past the due date. */
  corrected_gestational_age: string;
  calendar_age: string | null;
  centile_band: string | null;
  /** Why there is no SDS at this age, or null. */
  observation_value_error: string | null;
}

export interface CentilePlotData {
  chronological_decimal_age_data: ChronologicalCentilePoint;
  corrected_decimal_age_data: CorrectedCentilePoint;
}

export interface SdsPlotData {
  chronological_decimal_age_data: ChronologicalSdsPoint;
  corrected_decimal_age_data: CorrectedSdsPoint;
}

export interface PlottableData {
  centile_data: CentilePlotData;
  sds_data: SdsPlotData;
}

/** Bone age as given in the request. */
export interface BoneAgeData {
  bone_age: number | null;
  bone_age_type: BoneAgeType | null;
  bone_age_sds: number | null;
  bone_age_centile: number | null;
  bone_age_text: string | null;
}

export interface EventsData {
  events_text: string[] | null;
}

/** The dGC measurement object: what `POST /{reference}/calculation` returns. */
export interface MeasurementObject {
  provenance: Provenance;
  birth_data: BirthData;
  measurement_dates: MeasurementDates;
  child_observation_value: ChildObservationValue;
  measurement_calculated_values: MeasurementCalculatedValues;
  plottable_data: PlottableData;
  bone_age: BoneAgeData;
  events_data: EventsData;
}

// ---- chart coordinates and mid-parental height

/** The references mid-parental height is available for. */
export type MidParentalHeightReference = 'uk-who' | 'cdc' | 'who';

/** The body of a dGC `POST /{reference}/chart-coordinates` request. */
export interface ChartCoordinateRequest {
  sex: Sex;
  measurement_method: MeasurementMethod;
  /**
   * A named format (default `cole-nine-centiles`) or 1–15 centiles strictly between 0 and 100 (SDS values with
   * `is_sds`).
   */
  centile_format?: CentileFormat | readonly number[] | null;
  /** Read a custom `centile_format` list as SDS values. Default false. */
  is_sds?: boolean | null;
}

/** The body of a dGC `POST /utilities/mid-parental-height` request. Heights in cm. */
export interface MidParentalHeightRequest {
  height_maternal: number;
  height_paternal: number;
  sex: Sex;
  /** Default `uk-who`. */
  reference?: MidParentalHeightReference | null;
}

export interface ChartPoint {
  /** The line's label (its centile, or its SDS to 3 dp). */
  l: number;
  /** Age in decimal years. */
  x: number;
  /** The measurement; null where the line has no value. */
  y: number | null;
}

export interface CentileLine {
  sds: number;
  centile: number;
  /** Empty for a line without points in this segment. */
  data: ChartPoint[];
}

/** The lines of one chart segment by method: the method drawn has its lines, the other three are null. */
export type ChartMethodLines = { [M in MeasurementMethod]: CentileLine[] | null };
/** The lines of one chart segment by sex and method: the sex drawn has its methods, the other is null. */
export type ChartSexLines = { [S in Sex]: ChartMethodLines | null };
/** One item of `centile_data`: a single segment key, e.g. `{uk_who_child: {male: {height: [...]}}}`. */
export type ChartSegment = { [K in ChartSegmentName]?: ChartSexLines };

/** What `POST /{reference}/chart-coordinates` returns: the segments, youngest first. */
export interface ChartCoordinates {
  centile_data: ChartSegment[];
}

/** What `POST /utilities/mid-parental-height` returns. Heights in cm. */
export interface MidParentalHeightResponse {
  /** Null where the reference has no height at this SDS. */
  mid_parental_height: number | null;
  mid_parental_height_sds: number;
  /** Rounded to 3 dp. */
  mid_parental_height_centile: number;
  /** The chart line at the mid-parental SDS. */
  mid_parental_height_centile_data: ChartSegment[];
  /** The line 1.4 SDS below. */
  mid_parental_height_lower_centile_data: ChartSegment[];
  /** The line 1.4 SDS above. */
  mid_parental_height_upper_centile_data: ChartSegment[];
  mid_parental_height_lower_value: number | null;
  mid_parental_height_upper_value: number | null;
}

// ---- FHIR R4

/**
 * A FHIR R4 resource as `fromFhir` reads it: `Patient` (`birthDate`, `gender`) and `Observation`s; others are
 * listed in `ignored`.
 */
export interface FhirResource {
  resourceType: string;
  id?: string;
  [element: string]: unknown;
}

/** A FHIR R4 `Bundle` (any type: collection, searchset, transaction, …). */
export interface FhirBundle {
  resourceType: 'Bundle';
  entry?: readonly { fullUrl?: string; resource?: FhirResource; [element: string]: unknown }[];
  [element: string]: unknown;
}

/**
 * An observation of a request made by `fromFhir`, with its source Observation (`Observation/id` or the entry's
 * `fullUrl`).
 */
export interface SourcedObservation {
  observation_date: string;
  /** cm, kg or kg/m², converted exactly from the UCUM unit written. */
  observation_value: number;
  source: string | null;
}

/** A bulk request read from FHIR. Gestation is null when the bundle has no gestational age at birth (taken as term). */
export interface FhirBulkRequest {
  measurement_method: MeasurementMethod;
  birth_date: string;
  sex: Sex;
  gestation_weeks: number | null;
  gestation_days: number | null;
  observations: SourcedObservation[];
}

/** A resource `fromFhir` did not use, and why. */
export interface IgnoredResource {
  /** `Type/id`, else the entry's `fullUrl`, else `Type at entry N`. */
  resource: string;
  why: string;
}

/** What `fromFhir` returns. */
export interface FromFhirResult {
  /** One bulk request per measurement method present (height, weight, ofc, bmi order), observations in date order. */
  requests: FhirBulkRequest[];
  ignored: IgnoredResource[];
  /** The patient as a reference (`Patient/id` or its `fullUrl`), when it has one. */
  patient: string | null;
}

/** Options of `toFhir`. */
export interface ToFhirOptions {
  /** The patient reference, e.g. `Patient/123` (needed for the US Core profiles). */
  subject?: string | null;
  /** The source Observation's reference. */
  derivedFrom?: string | null;
  /** The reference, for a measurement object without `provenance` (a dGC API response). */
  growthReference?: Reference | null;
}

export interface FhirCoding {
  system: string;
  code: string;
  display: string;
}

export interface FhirCodeableConcept {
  coding: FhirCoding[];
  text: string;
}

/** A UCUM quantity. */
export interface FhirQuantity {
  value: number;
  unit: string;
  system: 'http://unitsofmeasure.org';
  code: string;
}

export interface FhirReference {
  reference: string;
}

/** `sds`, `chronological-centile`, `chronological-sds` (system `urn:centile:result`), then the measurement (LOINC). */
export interface GrowthObservationComponent {
  code: FhirCodeableConcept;
  /** Absent when there is no value at that age (then `dataAbsentReason` says so). */
  valueQuantity?: FhirQuantity;
  dataAbsentReason?: FhirCodeableConcept;
}

/**
 * A FHIR R4 `Observation` of a result: the centile at the corrected age (%) under the LOINC centile code (8303-0
 * height, 8336-0 weight, 8289-1 head circumference, 59576-9 BMI), the SDS and chronological values as components,
 * the reference, engine version and table fingerprint in `method`.
 */
export interface GrowthObservation {
  resourceType: 'Observation';
  /**
   * The US Core pediatric profile (BMI-for-age, head circumference percentile), when one applies and a subject is
   * known.
   */
  meta?: { profile: string[] };
  status: 'final';
  category: FhirCodeableConcept[];
  code: FhirCodeableConcept;
  subject?: FhirReference;
  effectiveDateTime: string;
  valueQuantity?: FhirQuantity;
  dataAbsentReason?: FhirCodeableConcept;
  method: FhirCodeableConcept;
  derivedFrom?: FhirReference[];
  note?: { text: string }[];
  component: GrowthObservationComponent[];
}

/** The bulk results of one measurement method. */
export interface FhirMethodResults {
  measurement_method: MeasurementMethod;
  results: BulkResult[];
  /** The source Observation of each result (`Observation/id` or its `fullUrl`), in the same order. */
  sources: (string | null)[];
}

/** What `fhirCalculation` returns. */
export interface FhirCalculationResult {
  results: FhirMethodResults[];
  /** One per measurement object (none for error entries). */
  observations: GrowthObservation[];
  ignored: IgnoredResource[];
  patient: string | null;
}

// ---- the other functions' requests and responses

/** The unit of `measurement_interval_number` in a fictional-child request. */
export type MeasurementIntervalType =
  | 'd'
  | 'day'
  | 'days'
  | 'w'
  | 'week'
  | 'weeks'
  | 'm'
  | 'month'
  | 'months'
  | 'y'
  | 'year'
  | 'years';

/** The body of a dGC `POST /{reference}/fictional-child-data` request. */
export interface FictionalChildRequest {
  measurement_method: MeasurementMethod;
  sex: Sex;
  /** Decimal years, default 0. */
  start_chronological_age?: number | null;
  /** Decimal years, default 20. */
  end_age?: number | null;
  /** 22–44, default 40. */
  gestation_weeks?: number | null;
  /** 0–6, default 0. */
  gestation_days?: number | null;
  /** Default `months`. */
  measurement_interval_type?: MeasurementIntervalType | null;
  /** A whole number of intervals between observations, default 20. */
  measurement_interval_number?: number | null;
  /** Default 0. */
  start_sds?: number | null;
  /** Drift the SDS by `drift_range` (default -0.05) over the series. */
  drift?: boolean | null;
  drift_range?: number | null;
  /** Add noise of up to `noise_range` (default 0.005). */
  noise?: boolean | null;
  noise_range?: number | null;
  /** Seeds the noise (a whole number ≥ 1, default 1), so a series is reproducible. */
  seed?: number | null;
  /**
   * Checked as the API checks it (`uk-who`, `trisomy-21`, `turners-syndrome`, `cdc`, or the route's own); the
   * route's is used.
   */
  reference?: Reference | null;
}

/** Options of `calculation`, `bulkCalculation` and `fictionalChildData`. */
export interface CalculationOptions {
  /**
   * Throw a CentileError (422, `loc: ['body', 'observation_value']`) instead of answering a measurement that
   * carries an error: a flagged value (`observation_value_error`) or an age without reference data. Default false:
   * such answers are given as the dGC server gives them.
   */
  strict?: boolean;
}

/**
 * What `velocity` and `acceleration` read from each measurement object: the method, value and chronological age. A
 * MeasurementObject fits, and so does a dGC API response.
 */
export interface DynamicsMeasurement {
  child_observation_value: { measurement_method: string; observation_value: number | null };
  measurement_dates: { chronological_decimal_age: number };
}

/** Arguments of `thriveLine` (experimental; UK-WHO weight). */
export interface ThriveLineRequest {
  sex: Sex;
  /** The weight SDS at the first age. */
  start_sds: number;
  /** Ages in months, 0–12, at least one. */
  months: readonly number[];
  /** The conditional centile to grow at, strictly between 0 and 100; default 5. */
  target_centile?: number | null;
}

/** Arguments of `sdsForMeasurement`. `age` is in decimal years (negative: before term). */
export interface SdsForMeasurementArgs {
  reference: Reference;
  measurement_method: MeasurementMethod;
  sex: Sex;
  age: number;
  observation_value: number;
}

/** Arguments of `measurementFromSds`. */
export interface MeasurementFromSdsArgs {
  reference: Reference;
  measurement_method: MeasurementMethod;
  sex: Sex;
  age: number;
  sds: number;
}

/** Arguments of `percentageMedianBmi`. */
export interface PercentageMedianBmiArgs {
  reference: Reference;
  sex: Sex;
  age: number;
  bmi: number;
}

/** One problem with a request, as an item of the dGC API's 422 `detail` list. */
export interface ErrorDetail {
  /**
   * Where the problem is, e.g. `["body", "observation_value"]` or `["body", "observations", 3,
   * "observation_date"]`.
   */
  loc: (string | number)[];
  msg: string;
  /** e.g. `missing`, `float_type`, `value_error`. */
  type: string;
  /**
   * Always `null`: errors name the field and the rule, never a child's values (the API's key is kept for its
   * shape).
   */
  input: null;
}

/** A bulk result: the measurement object, or (`'loc' in entry`) why that observation failed. */
export type BulkResult = MeasurementObject | ErrorDetail;

export interface BulkResponse {
  /** One entry per observation, in order. */
  results: BulkResult[];
}

/** What `thriveLine` returns: one entry per requested age in each list. */
export interface ThriveLine {
  /** The SDS at each age. */
  zs: number[];
  /** The ages in decimal years. */
  ages: number[];
  /** The weight (kg, 4 dp) at each age; null where the reference has none. */
  observation_values: (number | null)[];
}

/** What `buildInfo()` returns. */
export interface BuildInfo {
  name: string;
  version: string;
  /** The git commit the package was built from. */
  commit: string;
  /** The Rust compiler that built the .wasm (`rustc --version`). */
  rustc: string;
  reference_data: string;
  /** SHA-256 of the embedded reference tables (REFERENCE-DATA.md, SECURITY.md). */
  reference_data_fingerprint: string;
  /** How to check this package against its source: a rebuild of `commit` is byte-identical. */
  verify: string;
}
// ---- end of the generated part

// ---------------------------------------------------------------------------------------------- functions

/**
 * Thrown for any input centile cannot use (`status` 422; `detail` has the dGC API's 422 shape), and with `status`
 * 503 (one `detail` item of type `unavailable`) when centile cannot compute at all: `centile/web` called before
 * `init()` finished, or WebAssembly refused (e.g. a Content-Security-Policy without `'wasm-unsafe-eval'`).
 */
export declare class CentileError extends Error {
  constructor(message: string, detail: ErrorDetail[], status?: 404 | 422 | 503);
  name: 'CentileError';
  /** 422 for a request the API would refuse, 404 for an unknown reference (a route the API lacks), 503 when centile cannot run. */
  status: 404 | 422 | 503;
  detail: ErrorDetail[];
}

/** `POST /{reference}/calculation`: one observation in, the dGC measurement object out. Throws CentileError. */
export declare function calculation(reference: Reference, request: MeasurementRequest, options?: CalculationOptions): MeasurementObject;

/** `POST /{reference}/bulk-calculation`: an error entry replaces each failing observation. Throws CentileError for invalid birth details. */
export declare function bulkCalculation(reference: Reference, request: BulkRequest, options?: CalculationOptions): BulkResponse;

/** `POST /{reference}/fictional-child-data`: a series of measurement objects following an SDS, flagged ones included (in strict mode they are left out). Throws CentileError. */
export declare function fictionalChildData(reference: Reference, request: FictionalChildRequest, options?: CalculationOptions): MeasurementObject[];

/** Units per year over the last two of `measurements` of `measurement_method`. Throws CentileError with fewer than two at different ages. */
export declare function velocity(measurement_method: MeasurementMethod, measurements: readonly DynamicsMeasurement[]): number;

/** Units per year per year over the last three of `measurements` of `measurement_method`. Throws CentileError with fewer than three. */
export declare function acceleration(measurement_method: MeasurementMethod, measurements: readonly DynamicsMeasurement[]): number;

/** Experimental: the UK-WHO weights a baby would reach from `start_sds` growing at the target conditional centile. Throws CentileError. */
export declare function thriveLine(request: ThriveLineRequest): ThriveLine;

/** `POST /{reference}/chart-coordinates`. Throws CentileError. */
export declare function chartCoordinates(reference: Reference, request: ChartCoordinateRequest): ChartCoordinates;

/** `POST /utilities/mid-parental-height`. Throws CentileError. */
export declare function midParentalHeight(request: MidParentalHeightRequest): MidParentalHeightResponse;

/** SDS at a decimal age. Throws CentileError. */
export declare function sdsForMeasurement(args: SdsForMeasurementArgs): number;

/** The measurement at an SDS (4 dp). Throws CentileError: a 422 beyond ±8 SDS (±15 for BMI) and where no measurement corresponds to the SDS (rcpchgrowth answers None there). */
export declare function measurementFromSds(args: MeasurementFromSdsArgs): number;

/** SDS for many (age, value) pairs of one reference, method and sex; NaN where a value cannot be placed. */
export declare function sdsForMeasurements(
  reference: Reference,
  measurement_method: MeasurementMethod,
  sex: Sex,
  ages: ArrayLike<number>,
  values: ArrayLike<number>,
): Float64Array;

/** `100·Φ(sds)`. */
export declare function centileForSds(sds: number): number;

/** The SDS of a centile (0–100 exclusive). */
export declare function sdsForCentile(centile: number): number;

/** kg/m². */
export declare function bmiFromHeightWeight(height_cm: number, weight_kg: number): number;

/** BMI as a percentage of the median. Throws CentileError. */
export declare function percentageMedianBmi(args: PercentageMedianBmiArgs): number;

/** The engine's version and commit and the fingerprint of the embedded reference data. */
export declare function buildInfo(): BuildInfo;

/** A FHIR R4 Bundle (or list of resources) of one patient as bulk requests, one per method; unused resources in `ignored`. Throws CentileError (no or several Patients, no birthDate or gender). */
export declare function fromFhir(bundle: FhirBundle | readonly FhirResource[]): FromFhirResult;

/** A FHIR R4 Observation for one measurement object. Throws CentileError. */
export declare function toFhir(measurement: MeasurementObject, options?: ToFhirOptions | null): GrowthObservation;

/** `fromFhir`, `bulkCalculation` of each request and `toFhir` of each result, at once. Throws CentileError. */
export declare function fhirCalculation(reference: Reference, bundle: FhirBundle | readonly FhirResource[]): FhirCalculationResult;
