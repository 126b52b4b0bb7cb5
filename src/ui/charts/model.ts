/**
 * The neutral chart model: what a chart shows, in the reader's language, with no drawing library in
 * it. Like `Message`, it is plain data, so it can wait in the outbox and be drawn at send time;
 * `adapters/reports` turns it into an ECharts option, then SVG (the local page) or PNG (chat).
 */
export type ChartId =
  | 'reviewCompletion'
  | 'onTimeByManager'
  | 'kpiAttainment'
  | 'disputesPerMonth'
  | 'openCasesByStage'
  | 'cycleTime'
  | 'warnings';

/** Colours are chosen by meaning, and mapped to a palette in one place by the renderer. */
export type Tone = 'good' | 'warn' | 'bad' | 'accent' | 'muted';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  tone: Tone;
  /** Series with the same stack id are stacked. */
  stack?: string;
}

export interface ChartSpec {
  id: ChartId;
  title: string;
  /** One line under the chart: what a screen reader or a notification says instead of the picture. */
  summary: string;
  kind: 'bar' | 'line' | 'boxplot';
  /** Bars run left to right with the categories down the side (long names, e.g. managers). */
  horizontal?: boolean;
  categories: string[];
  series: ChartSeries[];
  /** For `boxplot`: min, Q1, median, Q3, max per category. */
  boxes?: [number, number, number, number, number][];
  valueAxis: {
    name: string;
    format: 'count' | 'percent' | 'days';
    max?: number;
    /** A marked line across the plot (the target, 100 %). */
    reference?: { value: number; label: string };
  };
  /** Shown instead of a plot when there is nothing to draw. */
  empty?: string;
}
