// Every export of `centile` used as a TypeScript consumer would; must type-check with --strict (tests/types/
// tsc.test.mjs, under both `bundler` and `nodenext` resolution). `@ts-expect-error` lines check that the types are
// tight: that nullable values must be narrowed and closed unions stay closed.
import {
  CentileError,
  bmiFromHeightWeight,
  buildInfo,
  bulkCalculation,
  calculation,
  centileForSds,
  chartCoordinates,
  fictionalChildData,
  acceleration,
  velocity,
  measurementFromSds,
  midParentalHeight,
  percentageMedianBmi,
  sdsForCentile,
  sdsForMeasurement,
  sdsForMeasurements,
  thriveLine,
} from 'centile';
import type {
  AgeType,
  BoneAgeType,
  BuildInfo,
  BulkRequest,
  BulkResponse,
  BulkResult,
  CentileFormat,
  CentileLine,
  ChartCoordinateRequest,
  ChartCoordinates,
  ChartPoint,
  ChartSegment,
  ChartSegmentName,
  ErrorDetail,
  FictionalChildRequest,
  MeasurementIntervalType,
  MeasurementMethod,
  MeasurementObject,
  MeasurementRequest,
  MidParentalHeightRequest,
  MidParentalHeightResponse,
  Reference,
  ReferenceName,
  Sex,
  ThriveLine,
  ThriveLineRequest,
} from 'centile';

// ---- calculation
const request: MeasurementRequest = {
  birth_date: '2020-01-01',
  observation_date: '2020-03-01',
  observation_value: 50,
  sex: 'male',
  measurement_method: 'height',
  gestation_weeks: 30,
  gestation_days: 2,
};
const m: MeasurementObject = calculation('uk-who', request);
const reference: ReferenceName = m.provenance.growth_reference;
// Either age's values can be null (the reference has data at the other age only), with that age's error set.
const sds: number | null = m.measurement_calculated_values.corrected_sds;
const centile: number | null = m.measurement_calculated_values.corrected_centile;
const correctedError: string | null = m.measurement_calculated_values.corrected_measurement_error;
// @ts-expect-error the corrected SDS can be null (no data at the corrected age)
const uncheckedCorrected: number = m.measurement_calculated_values.corrected_sds;
const chronologicalSds: number | null = m.measurement_calculated_values.chronological_sds;
// @ts-expect-error the chronological SDS can be null
const unchecked: number = m.measurement_calculated_values.chronological_sds;
const band: string | null = m.measurement_calculated_values.corrected_centile_band;
const error: string | null = m.measurement_calculated_values.chronological_measurement_error;
const flag: string | null = m.child_observation_value.observation_value_error;
const strict: MeasurementObject = calculation('uk-who', request, { strict: true });
const method: MeasurementMethod = m.child_observation_value.measurement_method;
const sex: Sex = m.birth_data.sex;
const edd: string = m.birth_data.estimated_date_delivery;
const weeks: number | null = m.measurement_dates.corrected_gestational_age.corrected_gestation_weeks;
const ageType: AgeType = m.plottable_data.centile_data.corrected_decimal_age_data.age_type;
const corrected: 'corrected_age' = m.plottable_data.sds_data.corrected_decimal_age_data.age_type;
const cga: string = m.plottable_data.centile_data.corrected_decimal_age_data.corrected_gestational_age;
const pointSds: number | null = m.plottable_data.centile_data.chronological_decimal_age_data.sds;
// sds_data points carry `sds` and `observation_error` as null, as the API's response model sends them.
const sdsPointSds: null = m.plottable_data.sds_data.corrected_decimal_age_data.sds;
// @ts-expect-error chronological points have no corrected_gestational_age key
m.plottable_data.centile_data.chronological_decimal_age_data.corrected_gestational_age;
const boneType: BoneAgeType | null = m.bone_age.bone_age_type;
const events: string[] | null = m.events_data.events_text;
if (chronologicalSds !== null) console.log(chronologicalSds.toFixed(2));
console.log(reference, sds, centile, correctedError, unchecked, uncheckedCorrected, strict, band?.length, error, flag, method, sex, edd, weeks, ageType, corrected, cga, pointSds, sdsPointSds, boneType, events);

// Optional fields, bone age and events; null where the API allows null.
calculation('turner', {
  birth_date: '2012-02-29',
  observation_date: '2020-02-29',
  observation_value: 112,
  sex: 'female',
  measurement_method: 'height',
  gestation_weeks: null,
  bone_age: 7.5,
  bone_age_type: 'tanner-whitehouse-iii',
  bone_age_sds: -0.5,
  bone_age_centile: null,
  bone_age_text: 'TW3',
  events_text: ['oxandrolone started'],
});
const references: Reference[] = ['uk-who', 'who', 'cdc', 'turners-syndrome', 'turner', 'trisomy-21', 'trisomy-21-aap'];
for (const r of references) calculation(r, request);

// ---- bulkCalculation: results are measurement objects or error entries, told apart with `in`.
const bulk: BulkRequest = {
  birth_date: '2019-05-01',
  sex: 'female',
  measurement_method: 'weight',
  observations: [
    { observation_date: '2019-06-01', observation_value: 4.2 },
    { observation_date: '2020-05-01', observation_value: 9.1, events_text: ['clinic'] },
  ],
};
const bulkResponse: BulkResponse = bulkCalculation('cdc', bulk);
for (const entry of bulkResponse.results) {
  const e: BulkResult = entry;
  if ('loc' in e) {
    const detail: ErrorDetail = e;
    const where: (string | number)[] = detail.loc;
    console.log(where.join('.'), detail.msg, detail.type, detail.input);
  } else {
    console.log(e.measurement_calculated_values.corrected_sds?.toFixed(3));
  }
}
// @ts-expect-error an entry may be an error: narrow it first
bulkResponse.results[0].measurement_calculated_values;

// ---- fictionalChildData, velocity, acceleration
const unit: MeasurementIntervalType = 'weeks';
const fictional: FictionalChildRequest = {
  measurement_method: 'weight', sex: 'male', gestation_weeks: 27, end_age: 1, measurement_interval_type: unit,
  measurement_interval_number: 4, noise: true, noise_range: 0.01, seed: 7, drift: false, start_sds: -1,
};
const series: MeasurementObject[] = fictionalChildData('uk-who', fictional);
const perYear: number = velocity('weight', series);
const perYearPerYear: number = acceleration('weight', series);
// A dGC API response (nulls where the API has them) is accepted as well.
velocity('height', [
  { child_observation_value: { measurement_method: 'height', observation_value: null }, measurement_dates: { chronological_decimal_age: 1 } },
]);
console.log(perYear, perYearPerYear);

// ---- thriveLine
const thriveRequest: ThriveLineRequest = { sex: 'female', start_sds: -0.5, months: [0, 3, 6], target_centile: 5 };
const thrive: ThriveLine = thriveLine(thriveRequest);
const weights: (number | null)[] = thrive.observation_values;
console.log(thrive.zs[0], thrive.ages[0], weights[0]);

// ---- chartCoordinates
const chartRequest: ChartCoordinateRequest = { sex: 'female', measurement_method: 'bmi', centile_format: 'three-percent-centiles' };
const chart: ChartCoordinates = chartCoordinates('uk-who', chartRequest);
chartCoordinates('who', { sex: 'male', measurement_method: 'ofc', centile_format: [2, 50, 98] });
chartCoordinates('cdc', { sex: 'male', measurement_method: 'weight', centile_format: [-2, 0, 2] as const, is_sds: true });
const formats: CentileFormat[] = ['cole-nine-centiles', 'five-percent-centiles', 'eighty-five-percent-centiles', 'extended-who-centiles'];
for (const segment of chart.centile_data) {
  const s: ChartSegment = segment;
  for (const name of Object.keys(s) as ChartSegmentName[]) {
    const lines: CentileLine[] = s[name]?.female?.bmi ?? [];
    for (const line of lines) {
      const first: ChartPoint | undefined = line.data?.[0];
      const y: number | null = first?.y ?? null;
      console.log(name, line.centile, line.sds, first?.l, first?.x, y);
    }
  }
}
const ukWhoChild: CentileLine[] | null | undefined = chart.centile_data[2]?.uk_who_child?.female?.bmi;
console.log(formats, ukWhoChild?.length);

// ---- midParentalHeight: the response feeds an RCPCH chart's `midParentalHeightData`.
const mphRequest: MidParentalHeightRequest = { height_maternal: 165, height_paternal: 180, sex: 'male' };
const mph: MidParentalHeightResponse = midParentalHeight(mphRequest);
midParentalHeight({ height_maternal: 160, height_paternal: 175, sex: 'female', reference: 'who' });
const mphValue: number | null = mph.mid_parental_height;
const mphSds: number = mph.mid_parental_height_sds;
const mphLines: ChartSegment[] = mph.mid_parental_height_centile_data;
console.log(mphValue, mphSds, mph.mid_parental_height_centile, mphLines, mph.mid_parental_height_lower_centile_data,
  mph.mid_parental_height_upper_centile_data, mph.mid_parental_height_lower_value, mph.mid_parental_height_upper_value);

// ---- the small functions
const z: number = sdsForMeasurement({ reference: 'uk-who', measurement_method: 'height', sex: 'male', age: 4, observation_value: 100 });
const value: number = measurementFromSds({ reference: 'who', measurement_method: 'weight', sex: 'female', age: 1, sds: -1 });
const many: Float64Array = sdsForMeasurements('uk-who', 'weight', 'female', new Float64Array([1, 2]), [9.2, 12.1]);
const c: number = centileForSds(1.5);
const back: number = sdsForCentile(c);
const bmi: number = bmiFromHeightWeight(140, 35);
const pmb: number = percentageMedianBmi({ reference: 'uk-who', sex: 'male', age: 8, bmi });
const info: BuildInfo = buildInfo();
console.log(z, value, many[0], back, pmb, info.name, info.version, info.commit, info.reference_data, info.reference_data_fingerprint);

// ---- errors
try {
  calculation('uk-who', { ...request, observation_value: -1 });
} catch (e) {
  if (e instanceof CentileError) {
    const status: 404 | 422 | 503 = e.status;
    const name: 'CentileError' = e.name;
    const detail: ErrorDetail[] = e.detail;
    console.log(status, name, e.message, detail[0]?.loc);
  }
}
const made = new CentileError('custom', [{ loc: ['body'], msg: 'm', type: 'value_error', input: null }]);
const asError: Error = made;
console.log(asError);
