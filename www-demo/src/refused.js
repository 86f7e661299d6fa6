// What the demo refuses to score though the engine answers it flagged (rcpchgrowth's observation_value_error): no
// data at either age, a height in metres, or a value beyond ±8 SDS (±15 for BMI) at the age that has data. An
// answer flagged only because its corrected age has no data keeps its chronological results, as before.

/** The flag of measurement object `m` when the demo shows it as an error on its row, else null. */
export function refusal(m) {
  const flag = m.child_observation_value.observation_value_error;
  if (flag === null) return null;
  const { corrected_sds: corrected, chronological_sds: chronological } = m.measurement_calculated_values;
  const z = corrected ?? chronological;
  const { measurement_method: method, observation_value: value } = m.child_observation_value;
  const implausible = (method === 'height' && value < 2) || Math.abs(z) > (method === 'bmi' ? 15 : 8);
  return z === null || implausible ? flag : null;
}

/** `m`, or a thrown error with the API's 422 detail (at observation_value) when the demo refuses it. */
export function scorable(m) {
  const flag = refusal(m);
  if (flag === null) return m;
  const e = new Error(`observation_value: ${flag}`);
  e.name = 'CentileError';
  e.status = 422;
  e.detail = [{ loc: ['body', 'observation_value'], msg: flag, type: 'value_error', input: null }];
  throw e;
}
