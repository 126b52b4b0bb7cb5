/**
 * Draws a `ChartSpec`: ECharts' server-side SVG renderer (no DOM, no canvas), then resvg for PNG.
 * Both are synchronous and need nothing from the machine but the font file we ship.
 */
import * as echarts from 'echarts/core';
import { BarChart, BoxplotChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '../../src/ui/charts/model.js';
import { chartOption } from './echarts-option.js';
import { CJK_FONT_FAMILY, CJK_FONT_FILE } from './font.js';

echarts.use([
  BarChart,
  BoxplotChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);

export interface ChartSize {
  width: number;
  height: number;
}

/** Wide enough for 36 labelled bars, small enough for a chat preview. */
export const CHART_SIZE: ChartSize = { width: 960, height: 480 };

export function chartSvg(spec: ChartSpec, size: ChartSize = CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(chartOption(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Any SVG to PNG, with only the shipped CJK font available (what `chartPng` uses). */
export function svgToPng(svg: string, fontFiles: string[] = [CJK_FONT_FILE]): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: {
      fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: CJK_FONT_FAMILY,
      sansSerifFamily: CJK_FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}

export const chartPng = (spec: ChartSpec, size: ChartSize = CHART_SIZE): Buffer => svgToPng(chartSvg(spec, size));
