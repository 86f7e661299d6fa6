// The spreadsheet functions: their names, arguments and help, written once. scripts/build-sheets.mjs turns this list
// into each host's functions file (JSDoc for the sheet's autocomplete, a wrapper calling sheets/core.js by argument
// name); Excel's metadata is generated from that file by Microsoft's custom-functions-metadata. In Excel every name
// is under the add-in's namespace: CENTILE_SDS is CENTILE.SDS.

const reference = { name: 'reference', doc: 'uk-who, who, cdc, turners-syndrome, trisomy-21 or trisomy-21-aap' };
const sex = { name: 'sex', doc: 'male or female' };
const method = { name: 'measurement_method', doc: 'height (cm), weight (kg), ofc (head circumference, cm) or bmi (kg/m²)' };
const measurement = [
  reference,
  { name: 'birth_date', doc: 'a date cell, or text YYYY-MM-DD' },
  { name: 'observation_date', doc: 'the date of the measurement: a date cell, or text YYYY-MM-DD' },
  sex,
  method,
  { name: 'observation_value', doc: 'the measurement (a blank cell answers blank)' },
  { name: 'gestation_weeks', doc: 'weeks of gestation at birth, 22-44 (default 40)', optional: true },
  { name: 'gestation_days', doc: 'and days, 0-6 (default 0)', optional: true },
];
const age = { name: 'age', doc: '"corrected" (the default: corrected for gestation by the reference\'s rule) or "chronological"', optional: true };
const plugin = [
  { name: 'birth_date', doc: 'a date cell, or text YYYY-MM-DD' },
  { name: 'observation_date', doc: 'a date cell, or text YYYY-MM-DD' },
  { name: 'gestation_weeks', doc: 'weeks of gestation at birth (blank: 40)' },
  { name: 'gestation_days', doc: 'and days (blank: 0)' },
  sex,
  method,
  { name: 'observation_value', doc: 'the measurement' },
];
const apiKey = { name: 'primary_api_key', doc: 'accepted and ignored: nothing is sent anywhere', optional: true };

/** A function of one measurement, with CENTILE_SDS's arguments; `example` is its arguments in an example formula. */
const measured = (google, excel, run, doc, returns, example) => ({ google, excel, run, params: [...measurement, age], doc, returns,
  example: `=${google}(${example})` });
/** The plugin's decimal-age function, which it has had under two names. */
const decimalAge = (name, doc) => ({
  google: name, excel: name, run: 'ukWhoDecimalAge', doc,
  params: [...plugin, { name: 'data_to_return', doc: '"both" (the default), "chron" or "corr"', optional: true }, apiKey],
  returns: 'one row per input row: chronological age, corrected age (or one of them)',
  example: `=${name}("2020-01-12", "2022-01-12", 32, 1, "male", "height", 92)`,
});

/** `google` is the Google Sheets name, `excel` the name under Excel's CENTILE namespace, `run` the sheets/core.js function. */
export const FUNCTIONS = [
  measured('CENTILE_SDS', 'SDS', 'sds', 'The SDS (z-score) of a measurement, as the RCPCH Digital Growth Charts compute it.',
    'the SDS at the corrected (or chronological) age', '"uk-who", "2018-03-14", "2028-03-14", "male", "height", 140'),
  measured('CENTILE_CENTILE', 'CENTILE', 'centile', 'The centile (0-100) of a measurement.',
    'the centile at the corrected (or chronological) age, unrounded', '"uk-who", "2018-03-14", "2028-03-14", "male", "height", 140'),
  measured('CENTILE_BAND', 'BAND', 'band', 'The centile band of a measurement as a sentence, as the RCPCH charts word it.',
    'a sentence such as "This height measurement is between the 50th and 75th centiles."',
    '"uk-who", "2018-03-14", "2028-03-14", "male", "height", 140'),
  measured('CENTILE_AGE', 'AGE', 'age', 'The decimal age in years of a measurement, corrected for gestation (or chronological).',
    'the age in decimal years (negative before the due date when corrected)',
    '"uk-who", "2018-03-14", "2018-07-12", "female", "weight", 3.2, 28, 4, "chronological"'),
  {
    google: 'CENTILE_VELOCITY', excel: 'VELOCITY', run: 'velocity', params: measurement,
    doc: 'Growth velocity: for each row, the change per year since the row above, for the same child (same reference, birth date, sex, method and gestation); blank on a first row.',
    returns: 'units per year (cm/year, kg/year, ...)',
    example: '=CENTILE_VELOCITY("uk-who", "2015-05-01", {"2020-05-01"; "2021-05-01"}, "female", "height", {108; 114.5})',
  },
  {
    google: 'CENTILE_MIDPARENTAL_HEIGHT', excel: 'MIDPARENTAL_HEIGHT', run: 'midparentalHeight',
    params: [
      { name: 'reference', doc: 'uk-who, cdc or who' },
      { name: 'height_maternal', doc: "the mother's height in cm" },
      { name: 'height_paternal', doc: "the father's height in cm" },
      sex,
      { name: 'output', doc: '"height" (the default), "sds", "centile", or "lower" / "upper" (the range 1.4 SDS either side, cm)', optional: true },
    ],
    doc: "A child's mid-parental height (the expected adult height from the parents' heights).",
    returns: 'the height in cm (or its SDS, centile or range)',
    example: '=CENTILE_MIDPARENTAL_HEIGHT("uk-who", 163, 178, "female")',
  },
  {
    google: 'CENTILE_BMI', excel: 'BMI', run: 'bmi',
    params: [{ name: 'weight', doc: 'kg' }, { name: 'height', doc: 'cm' }],
    doc: 'Body mass index from weight and height.',
    returns: 'kg/m²',
    example: '=CENTILE_BMI(45, 150)',
  },
  {
    google: 'CENTILE_MEASUREMENT', excel: 'MEASUREMENT', run: 'measurement',
    params: [reference, { name: 'age_years', doc: 'decimal age in years (CENTILE_AGE gives it)' }, sex, method, { name: 'sds', doc: 'the SDS' }],
    doc: 'The measurement that has a given SDS at a given age.',
    returns: 'the measurement (4 decimal places)',
    example: '=CENTILE_MEASUREMENT("uk-who", 4, "female", "height", 2)',
  },
  {
    google: 'CENTILE_MEASUREMENT_AT_CENTILE', excel: 'MEASUREMENT_AT_CENTILE', run: 'measurementAtCentile',
    params: [reference, { name: 'age_years', doc: 'decimal age in years (CENTILE_AGE gives it)' }, sex, method, { name: 'centile', doc: 'the centile, strictly between 0 and 100' }],
    doc: 'The measurement on a given centile at a given age.',
    returns: 'the measurement (4 decimal places)',
    example: '=CENTILE_MEASUREMENT_AT_CENTILE("uk-who", 4, "female", "height", 91)',
  },
  {
    google: 'UK_WHO_SDS_CENTILE', excel: 'UK_WHO_SDS_CENTILE', run: 'ukWhoSdsCentile',
    params: [...plugin, { name: 'data_to_return', doc: '"both" (the default), "sds" or "centiles"', optional: true }, apiKey],
    doc: "The RCPCH Google Sheets plugin's function, computed here: UK-WHO SDS and centiles.",
    returns: 'one row per input row: corrected SDS, chronological SDS, corrected centile, chronological centile (or the two SDS, or the two centiles)',
    example: '=UK_WHO_SDS_CENTILE("2020-01-12", "2022-01-12", 32, 1, "male", "height", 92)',
  },
  decimalAge('UK_WHO_DECIMAL_AGE', "The RCPCH Google Sheets plugin's decimal ages (UK-WHO), computed here."),
  decimalAge('UK_WHO_CORRECTED_DECIMAL_AGE', 'The same as UK_WHO_DECIMAL_AGE (the name the RCPCH plugin uses now).'),
];
