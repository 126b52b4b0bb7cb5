/**
 * The neutral `ChartSpec` as an ECharts option: the one place that knows ECharts' vocabulary and
 * the palette. Animation is off (a server-side picture has one frame) and every text uses the CJK
 * font we ship (`font.ts`), so Chinese labels look the same in the SVG and the PNG.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartSpec, Tone } from '../../src/ui/charts/model.js';
import { CJK_FONT_FAMILY } from './font.js';

const PALETTE: Record<Tone, string> = {
  good: '#2e7d32',
  warn: '#f0a202',
  bad: '#c62828',
  accent: '#1f5fa8',
  muted: '#90a4ae',
};

const AXIS_TEXT = '#37474f';

const valueFormatter = (format: ChartSpec['valueAxis']['format']) => (v: number) =>
  format === 'percent' ? `${v}%` : String(v);

export function chartOption(spec: ChartSpec): EChartsCoreOption {
  const many = spec.categories.length > 8;
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    axisLabel: spec.horizontal
      ? { color: AXIS_TEXT, width: 170, overflow: 'truncate', interval: 0 }
      : { color: AXIS_TEXT, interval: 0, rotate: many ? 35 : 0, hideOverlap: false },
    axisTick: { alignWithLabel: true },
  };
  const valueAxis = {
    type: 'value',
    name: spec.valueAxis.name,
    // Vertical charts name the axis above it, unrotated: a rotated CJK name reads sideways.
    nameLocation: spec.horizontal ? 'middle' : 'end',
    nameGap: spec.horizontal ? 28 : 14,
    nameTextStyle: { color: AXIS_TEXT, align: spec.horizontal ? 'center' : 'left' },
    max: spec.valueAxis.max,
    minInterval: spec.valueAxis.format === 'count' ? 1 : undefined,
    axisLabel: { color: AXIS_TEXT, formatter: valueFormatter(spec.valueAxis.format) },
  };
  const reference = spec.valueAxis.reference;
  const markLine = reference
    ? {
        silent: true,
        symbol: 'none',
        lineStyle: { color: PALETTE.bad, type: 'dashed' },
        label: { formatter: reference.label, color: PALETTE.bad },
        data: [spec.horizontal ? { xAxis: reference.value } : { yAxis: reference.value }],
      }
    : undefined;
  const series =
    spec.kind === 'boxplot'
      ? [
          {
            type: 'boxplot',
            data: spec.boxes ?? [],
            itemStyle: { color: '#dce8f5', borderColor: PALETTE.accent },
            markLine,
          },
        ]
      : spec.series.map((s, i) => ({
          type: spec.kind,
          name: s.name,
          data: s.values,
          stack: s.stack,
          itemStyle: { color: PALETTE[s.tone] },
          lineStyle: spec.kind === 'line' ? { color: PALETTE[s.tone], width: 3 } : undefined,
          connectNulls: false,
          barMaxWidth: 48,
          label:
            spec.categories.length <= 12 && !s.stack
              ? {
                  show: true,
                  position: spec.horizontal ? 'right' : 'top',
                  formatter: (p: { value: number }) => valueFormatter(spec.valueAxis.format)(p.value),
                }
              : undefined,
          markLine: i === 0 ? markLine : undefined,
        }));
  const titles: object[] = [
    { text: spec.title, left: 16, top: 12, textStyle: { fontSize: 18, fontWeight: 'normal', color: '#1b2631' } },
  ];
  if (spec.empty)
    titles.push({ text: spec.empty, left: 'center', top: 'middle', textStyle: { fontSize: 16, color: '#78909c' } });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    // Latin text falls back to the generic sans-serif, which resvg maps to the same font.
    textStyle: { fontFamily: `'${CJK_FONT_FAMILY}', sans-serif` },
    title: titles,
    legend: spec.series.length > 1 ? { top: 44, left: 16, textStyle: { color: AXIS_TEXT } } : undefined,
    grid: {
      left: spec.horizontal ? 190 : 64,
      right: 40,
      top: spec.series.length > 1 ? 96 : 76,
      bottom: many && !spec.horizontal ? 96 : 56,
    },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.empty ? [] : series,
  };
}
