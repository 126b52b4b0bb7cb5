/**
 * Issue 15: "each chart takes a period and a department filter". On the demo organisation (three
 * departments, eight weeks of reviews, disputes, two closed cases and half a year of warnings) plus
 * one open case in Sales: every one of the seven charts shows only its department's figures, the
 * departments add up to the whole organisation, and the period bounds what every chart counts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { loadConfig } from '../../../src/config.js';
import { settingsFromConfig } from '../../../src/config-settings.js';
import { loadDemo } from '../../../adapters/local/demo/index.js';
import { makeBuildDashboard } from '../../../src/usecases/report/build-dashboard.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import type { ChartId, ChartSpec } from '../../../src/ui/charts/model.js';

const settings = settingsFromConfig(loadConfig({ DANDANG_CONFIG: '/nonexistent/dandang.yml' }));
// Tuesday of 2026-W48 in Shanghai, the demo's own "now".
const NOW = '2026-11-24T02:00:00Z';
const DEPARTMENTS = ['People', 'Sales', 'Support', 'Warehouse'];

let db: TestDb;
beforeAll(() => {
  db = makeTestDb({ platforms: ['local'], now: NOW });
  loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings });
  const opened = makeOpenOffboarding({ store: db.store, clock: db.clock, settings })({
    actorId: 'chenjing',
    employeeId: 'zhangwei',
    reasonKind: 'performance',
    reasonText: 'Below target in every review since October',
  });
  if (!opened.ok) throw new Error(opened.message);
});
afterAll(() => db.cleanup());

function charts(period: string, department = ''): Record<ChartId, ChartSpec> {
  const r = makeBuildDashboard({ store: db.store, clock: db.clock, settings })({
    actorId: 'chenjing',
    period,
    department,
  });
  if (!r.ok) throw new Error(r.message);
  return Object.fromEntries(r.value.charts.map((c) => [c.id, c])) as Record<ChartId, ChartSpec>;
}

/** The sum of one series of a chart (null values, a month with no closed case, count as none). */
const total = (c: ChartSpec, series = 0) => (c.series[series]?.values ?? []).reduce<number>((s, v) => s + (v ?? 0), 0);
/** Each series' values by category, so two filters can be compared bar by bar. */
const byCategory = (c: ChartSpec, series = 0) =>
  Object.fromEntries(c.categories.map((k, i) => [k, c.series[series]!.values[i]]));

describe('dashboard filters', () => {
  it('shows each department only its own figures, in every one of the seven charts', () => {
    const sales = charts('last-26w', 'Sales');
    const warehouse = charts('last-26w', 'Warehouse');
    const support = charts('last-26w', 'Support');

    // Review completion: Sales wrote every review on time; Warehouse missed one (the demo's
    // missing review); each department counts only its own.
    expect(total(sales.reviewCompletion, 0)).toBeGreaterThan(0);
    expect(total(sales.reviewCompletion, 2)).toBe(0);
    expect(total(warehouse.reviewCompletion, 2)).toBe(1);
    // On-time rate per manager and KPI attainment per job: the department's own managers and jobs.
    for (const [department, c] of [
      ['Sales', sales],
      ['Warehouse', warehouse],
      ['Support', support],
    ] as const) {
      const own = db.store.tx((tx) => tx.org.activePeople().filter((p) => p.department === department));
      const managers = db.store.tx((tx) => own.filter((p) => tx.org.reportsOf(p.id).length > 0).map((p) => p.name));
      const jobs = db.store.tx((tx) => [...new Set(own.flatMap((p) => (p.jobId ? [tx.org.job(p.jobId)!.title] : [])))]);
      expect(c.onTimeByManager.categories, department).toEqual(managers);
      expect([...c.kpiAttainment.categories].sort(), department).toEqual(jobs.sort());
    }
    // Disputes per month: Sales' one in August is Sales' alone, Warehouse's three in October are
    // Warehouse's; Support has its own.
    expect(byCategory(sales.disputesPerMonth)).toMatchObject({ '2026-08': 1, '2026-10': 0, '2026-11': 0 });
    expect(byCategory(warehouse.disputesPerMonth)).toMatchObject({ '2026-08': 0, '2026-10': 3, '2026-11': 0 });
    expect(byCategory(support.disputesPerMonth)).toMatchObject({ '2026-08': 0 });
    expect(total(support.disputesPerMonth)).toBeGreaterThan(0);
    // Open cases: the one opened for 张伟 is Sales'.
    expect(total(sales.openCasesByStage)).toBe(1);
    expect(total(warehouse.openCasesByStage)).toBe(0);
    expect(warehouse.openCasesByStage.empty).toBeDefined();
    // Case cycle time: Sales' case closed in August, Warehouse's in September.
    expect(byCategory(sales.cycleTime)).toMatchObject({ '2026-08': 4, '2026-09': null });
    expect(byCategory(warehouse.cycleTime)).toMatchObject({ '2026-08': null, '2026-09': 6 });
    expect(support.cycleTime.empty).toBeDefined();
    // Warnings raised and acted on: Sales 6 raised, 3 acted on; Warehouse 3, none; Support none.
    expect([total(sales.warnings, 0), total(sales.warnings, 1)]).toEqual([6, 3]);
    expect([total(warehouse.warnings, 0), total(warehouse.warnings, 1)]).toEqual([3, 0]);
    expect(total(support.warnings, 0)).toBe(0);
  });

  it('adds up: the departments together are the whole organisation, chart by chart', () => {
    const all = charts('last-26w');
    const parts = DEPARTMENTS.map((d) => charts('last-26w', d));
    const sum = (id: ChartId, series = 0) => parts.reduce((s, p) => s + total(p[id], series), 0);
    for (const series of [0, 1, 2]) expect(sum('reviewCompletion', series)).toBe(total(all.reviewCompletion, series));
    expect(parts.flatMap((p) => p.onTimeByManager.categories).sort()).toEqual(
      [...all.onTimeByManager.categories].sort(),
    );
    expect(parts.flatMap((p) => p.kpiAttainment.categories).sort()).toEqual([...all.kpiAttainment.categories].sort());
    expect(sum('disputesPerMonth')).toBe(total(all.disputesPerMonth));
    expect(sum('openCasesByStage')).toBe(total(all.openCasesByStage));
    expect(sum('warnings', 0)).toBe(total(all.warnings, 0));
    expect(sum('warnings', 1)).toBe(total(all.warnings, 1));
    expect(byCategory(all.cycleTime)).toMatchObject({ '2026-08': 4, '2026-09': 6 });
  });

  it('bounds every chart by the period', () => {
    const eight = charts('last-8w');
    const half = charts('last-26w');
    // The last 8 weeks are 2026-W41..W48: nothing older is drawn or counted.
    const weeks = (c: ChartSpec) => c.categories.map((k) => k.match(/W(\d{2})$/)?.[1]).map(Number);
    expect(Math.min(...weeks(eight.reviewCompletion))).toBeGreaterThanOrEqual(41);
    expect(eight.warnings.categories[0]).toBe('2026-W41');
    expect(eight.warnings.categories.at(-1)).toBe('2026-W48');
    expect(half.warnings.categories).toHaveLength(26);
    // Months: October and November only, so the August dispute and both closed cases are outside.
    expect(eight.disputesPerMonth.categories).toEqual(['2026-10', '2026-11']);
    expect(total(eight.disputesPerMonth)).toBe(4);
    expect(eight.cycleTime.empty).toBeDefined();
    // A period that reaches past today (this quarter) draws no weeks or months to come as zeros.
    const quarter = charts('2026-Q4');
    expect(quarter.warnings.categories[0]).toBe('2026-W40');
    expect(quarter.warnings.categories.at(-1)).toBe('2026-W48');
    expect(quarter.disputesPerMonth.categories).toEqual(['2026-10', '2026-11']);
    expect(quarter.cycleTime.categories).toEqual(['2026-10', '2026-11']);
    // A single week: only that week's reviews, warnings and its month.
    const w45 = charts('2026-W45');
    expect(w45.reviewCompletion.categories.every((k) => k.endsWith('W45'))).toBe(true);
    expect(total(w45.reviewCompletion, 0) + total(w45.reviewCompletion, 2)).toBe(9);
    expect(w45.warnings.categories).toEqual(['2026-W45']);
    expect(w45.disputesPerMonth.categories).toEqual(['2026-11']);
    // Open cases are counted today in a period that includes today, and on the last day of one that
    // ended: the case opened today is open now, and was not on Sunday of W45.
    expect(total(eight.openCasesByStage)).toBe(1);
    expect(eight.openCasesByStage.summary).toMatch(/^在办案件 1 件/);
    expect(total(w45.openCasesByStage)).toBe(0);
    expect(w45.openCasesByStage.summary).toBe('2026-11-08 没有在办案件。');
    // The demo's mutual-agreement case (opened 5 September, HR approved on the 6th, released on the
    // 10th, closed on the 11th) was open on Sunday of W36 at the step after HR's approval.
    const w36 = charts('2026-W36');
    expect(w36.openCasesByStage.categories).toEqual(['已签署解除协议（逐项列明）']);
    expect(w36.openCasesByStage.summary).toBe(
      '2026-09-06 在办案件 1 件；最多处于「已签署解除协议（逐项列明）」阶段（1 件）。',
    );
    expect(total(charts('2026-W37').openCasesByStage)).toBe(0);
  });
});
