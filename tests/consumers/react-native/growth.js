// What the app computes: a child's corrected height centile from the dGC request body, on the device.
import { calculation } from 'centile';

export const child = {
  birth_date: '2021-05-14', observation_date: '2025-09-02', observation_value: 104.2,
  sex: 'female', measurement_method: 'height', gestation_weeks: 34, gestation_days: 3,
};

export function heightCentile(request) {
  const values = calculation('uk-who', request).measurement_calculated_values;
  return { sds: values.corrected_sds, centile: values.corrected_centile, band: values.corrected_centile_band };
}
