/**
 * Chinese labels must render on a fresh machine from the font we ship, and the check is on pixels:
 * the SVG text alone would pass even if every character came out as a tofu box.
 */
import { describe, it, expect } from 'vitest';
import { chartPng, chartSvg, svgToPng, CHART_SIZE } from '../../../adapters/reports/render-chart.js';
import { reviewCompletionChart } from '../../../src/ui/charts/dashboard-charts.js';
import { dashboardFigures } from '../../../src/domain/dashboard/index.js';
import { translator } from '../../../src/ui/i18n/index.js';
import type { ChartSpec } from '../../../src/ui/charts/model.js';
import { glyphShapes, inkShare, readPng } from './pixels.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-18T12:00:00Z');

function completionSpec(): ChartSpec {
  const slots = ['2026-W10', '2026-W11'].flatMap((period, i) =>
    [0, 1, 2, 3].map((k) => ({
      department: '销售部',
      managerId: 'lina',
      managerName: '林娜',
      period,
      periodStart: i ? '2026-03-09' : '2026-03-02',
      dueAt: NOW - (2 - i) * 7 * DAY,
      submittedAt: k === 3 ? null : NOW - (2 - i) * 7 * DAY - (k === 2 ? -DAY : DAY),
    })),
  );
  const f = dashboardFigures(
    { slots, attainment: [], disputes: [], cases: [], warnings: [] },
    { weeks: ['2026-W10', '2026-W11'], months: ['2026-03'], timezone: 'Asia/Shanghai', now: NOW, end: NOW },
  );
  return reviewCompletionChart(f, translator('zh-CN'));
}

/** Where ECharts draws the title (left 16, top 12, 18 px): nothing else is drawn in this box. */
const TITLE_BOX = { x0: 8, y0: 6, x1: 420, y1: 40 };

describe('chart PNG with Chinese labels', () => {
  const spec = completionSpec();
  const png = chartPng(spec);
  const pixels = readPng(png);

  it('is a real picture of the chart: the right size, not blank, with the bars in their colours', () => {
    expect(spec.title).toBe('各部门每周考核完成情况');
    expect([pixels.width, pixels.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    const share = inkShare(pixels);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.8);
    const colours = new Set<string>();
    for (let y = 0; y < pixels.height; y += 2) for (let x = 0; x < pixels.width; x += 2) colours.add(pixels.hex(x, y));
    // On time, late and missing bars are drawn in the palette's green, amber and red.
    expect(colours).toContain('#2e7d32');
    expect(colours).toContain('#f0a202');
    expect(colours).toContain('#c62828');
  });

  it('draws the Chinese title as distinct glyphs, not tofu boxes', () => {
    const shapes = glyphShapes(pixels, TITLE_BOX);
    // 各部门每周考核完成情况: 11 different characters (a few split in two at a gap between strokes).
    expect(shapes.length).toBeGreaterThanOrEqual(11);
    expect(new Set(shapes).size).toBeGreaterThanOrEqual(10);
  });

  it('would catch tofu: the same title drawn as boxes gives one repeated shape', () => {
    const tofu = chartPng({ ...spec, title: '□□□□□□□□□□□' });
    const shapes = glyphShapes(readPng(tofu), TITLE_BOX);
    expect(shapes.length).toBe(11);
    expect(new Set(shapes).size).toBe(1);
  });

  it('gets its glyphs from the shipped font only: without it the title box stays empty', () => {
    const bare = readPng(svgToPng(chartSvg(spec), []));
    expect(glyphShapes(bare, TITLE_BOX)).toEqual([]);
  });

  it('escapes names in the SVG, so a manager called <script> is text and not markup', () => {
    const svg = chartSvg({ ...spec, categories: ['<script>alert(1)</script>', 'W11'] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});
