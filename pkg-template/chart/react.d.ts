// centile/react: the CentileChart component (see docs/charts.md).
import type { CSSProperties, ReactElement } from 'react';
import type { ChartOptions } from 'centile/chart';
import type { ChartPointDetail } from 'centile/element';

export type { ChartPointDetail };

export interface CentileChartProps extends ChartOptions {
  className?: string;
  style?: CSSProperties;
  /** A point was focused (keyboard or pointer). */
  onPointFocus?: (point: ChartPointDetail) => void;
  /** A point was clicked or chosen with Enter / Space. */
  onPointSelect?: (point: ChartPointDetail) => void;
}

/** The chart: renderChart(props) in a <div>, redrawn in place when a prop changes. */
export declare function CentileChart(props: CentileChartProps): ReactElement;
