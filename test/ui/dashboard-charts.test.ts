import { describe, it, expect } from 'vitest';
import { dashboardCharts, MAX_MANAGERS, onTimeChart } from '../../src/ui/charts/dashboard-charts.js';
import type { DashboardFigures } from '../../src/domain/dashboard/index.js';
import { translator } from '../../src/ui/i18n/index.js';

const empty: DashboardFigures = {
  completion: [],
  onTime: [],
  attainment: [],
  disputes: [{ month: '2026-03', count: 0 }],
  openCases: [],
  openCasesOn: null,
  cycleTime: [{ month: '2026-03', closed: 0, medianDays: null }],
  warnings: [{ week: '2026-W11', raised: 0, acted: 0 }],
};
const labels = { stage: (id: string) => id };

describe('dashboard charts', () => {
  it('builds all seven, each with a title and a one-line summary, in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const charts = dashboardCharts(empty, translator(locale), labels);
      expect(charts.map((c) => c.id)).toEqual([
        'reviewCompletion',
        'onTimeByManager',
        'kpiAttainment',
        'disputesPerMonth',
        'openCasesByStage',
        'cycleTime',
        'warnings',
      ]);
      for (const c of charts) {
        expect(c.title).not.toMatch(/^report\./);
        expect(c.summary).not.toMatch(/report\.|\{/);
        expect(c.summary).not.toContain('\n');
      }
    }
    expect(dashboardCharts(empty, translator('zh-CN'), labels)[4]!.summary).toBe('没有在办案件。');
  });

  it('keeps the on-time chart to its budget and says so, lowest rate at the top', () => {
    const onTime = Array.from({ length: 30 }, (_, i) => ({
      managerId: `m${i}`,
      managerName: `Manager ${i}`,
      onTime: i,
      due: 30,
      rate: i / 30,
    }));
    const c = onTimeChart({ ...empty, onTime }, translator('en'));
    expect(c.categories).toHaveLength(MAX_MANAGERS);
    expect(c.categories.at(-1)).toBe('Manager 0');
    expect(c.summary).toBe('30 managers; lowest on-time rate: Manager 0, 0% (0 of 30). (25 of 30 shown)');
    expect(onTimeChart({ ...empty, onTime }, translator('zh-CN')).summary).toBe(
      '共 30 位经理；按时率最低：Manager 0，0%（30 份中 0 份）。（显示 25 项，共 30 项）',
    );
  });
});
