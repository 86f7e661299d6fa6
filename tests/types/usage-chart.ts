// centile/chart as a TypeScript consumer uses it (tests/types/tsc.test.mjs).
import { bulkCalculation, midParentalHeight } from 'centile';
import { MESSAGES, THEME, formatCentile, renderChart, type ChartOptions } from 'centile/chart';

const results = bulkCalculation('uk-who', {
  birth_date: '2020-01-01', sex: 'male', measurement_method: 'height', observations: [{ observation_date: '2021-01-01', observation_value: 75 }],
}).results;
const options: ChartOptions = {
  reference: 'uk-who', sex: 'male', measurement_method: 'height', measurements: results, kind: 'centile', age: 'both',
  centiles: [3, 50, 97], ageWindow: [0, 2], imperial: true, theme: { line: THEME.axis, methods: { height: '#000' } },
  messages: { centile: MESSAGES.centile }, childLabel: 'A', midParentalHeight: midParentalHeight({ height_maternal: 165, height_paternal: 178, sex: 'male' }),
};
const svg: string = renderChart(options);
const shown: string = formatCentile(50.2);
// @ts-expect-error the chart kind is a closed union
renderChart({ ...options, kind: 'bar' });
// @ts-expect-error the age window is 'auto', 'whole' or [from, to]
renderChart({ ...options, ageWindow: 'teens' });
export { svg, shown };
