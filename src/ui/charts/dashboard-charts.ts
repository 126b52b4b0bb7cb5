/**
 * The HR dashboard's seven charts (issue 15) from the figures of one period and department
 * filter, in the reader's language. Each chart keeps to a budget of categories a picture can show
 * legibly; what does not fit is said in its summary line, never dropped silently.
 */
import type { DashboardFigures } from '../../domain/dashboard/index.js';
import type { T } from '../i18n/index.js';
import type { ChartSpec } from './model.js';

/** Bars a 960-pixel-wide picture can label legibly. */
export const MAX_CATEGORIES = 36;
/** Managers in the on-time chart (the lowest rates, who need a word first). */
export const MAX_MANAGERS = 25;

const pct = (t: T, share: number) => t('report.percent', { value: Math.round(share * 100) });
const round1 = (n: number) => Math.round(n * 10) / 10;
/** "2026-W48" → "W48", so two facts fit under one bar. */
const shortPeriod = (label: string) => label.replace(/^\d{4}-(?=W)/, '');

/** Appends "(25 of 80 shown)" when a budget cut the chart. */
const withCut = (t: T, summary: string, shown: number, total: number) =>
  shown < total ? t('report.withCut', { summary, shown, total }) : summary;

export interface ChartLabels {
  /** The label of a case stage id (a policy step, or an end state). */
  stage(id: string): string;
}

export function reviewCompletionChart(f: DashboardFigures, t: T): ChartSpec {
  const all = f.completion;
  const rows = all.slice(-MAX_CATEGORIES);
  const departments = new Set(all.map((r) => r.department));
  const sum = (k: 'onTime' | 'late' | 'missing') => all.reduce((s, r) => s + r[k], 0);
  const due = sum('onTime') + sum('late') + sum('missing');
  const series = (['onTime', 'late', 'missing'] as const).map((k) => ({
    name: t(`report.chart.completion.${k}`),
    values: rows.map((r) => r[k]),
    tone: k === 'onTime' ? ('good' as const) : k === 'late' ? ('warn' as const) : ('bad' as const),
    stack: 'reviews',
  }));
  return {
    id: 'reviewCompletion',
    title: t('report.chart.completion.title'),
    summary: due
      ? withCut(
          t,
          t('report.chart.completion.summary', {
            due,
            onTime: sum('onTime'),
            onTimeRate: pct(t, sum('onTime') / due),
            late: sum('late'),
            missing: sum('missing'),
          }),
          rows.length,
          all.length,
        )
      : t('report.noData'),
    kind: 'bar',
    // One department: the period alone; several: the department, then the period without its year.
    categories: rows.map((r) => (departments.size > 1 ? `${r.department} ${shortPeriod(r.period)}` : r.period)),
    series,
    valueAxis: { name: t('report.chart.completion.axis'), format: 'count' },
    ...(due ? {} : { empty: t('report.noData') }),
  };
}

export function onTimeChart(f: DashboardFigures, t: T): ChartSpec {
  const shown = f.onTime.slice(0, MAX_MANAGERS);
  const lowest = f.onTime[0];
  return {
    id: 'onTimeByManager',
    title: t('report.chart.onTime.title'),
    summary: lowest
      ? withCut(
          t,
          t('report.chart.onTime.summary', {
            managers: f.onTime.length,
            name: lowest.managerName,
            rate: pct(t, lowest.rate),
            onTime: lowest.onTime,
            due: lowest.due,
          }),
          shown.length,
          f.onTime.length,
        )
      : t('report.noData'),
    kind: 'bar',
    horizontal: true,
    // Lowest at the top of a horizontal chart: ECharts draws the first category at the bottom.
    categories: shown.map((m) => m.managerName).reverse(),
    series: [
      {
        name: t('report.chart.onTime.series'),
        values: shown.map((m) => Math.round(m.rate * 1000) / 10).reverse(),
        tone: 'accent',
      },
    ],
    valueAxis: { name: t('report.chart.onTime.axis'), format: 'percent', max: 100 },
    ...(lowest ? {} : { empty: t('report.noData') }),
  };
}

export function attainmentChart(f: DashboardFigures, t: T): ChartSpec {
  const jobs = f.attainment.slice(0, MAX_CATEGORIES);
  const list = jobs
    .slice(0, 4)
    .map((j) => t('report.chart.attainment.item', { job: j.jobTitle, share: pct(t, j.metShare) }))
    .join(t('common.listSep'));
  return {
    id: 'kpiAttainment',
    title: t('report.chart.attainment.title'),
    summary: jobs.length
      ? withCut(t, t('report.chart.attainment.summary', { list }), Math.min(4, jobs.length), f.attainment.length)
      : t('report.noData'),
    kind: 'boxplot',
    categories: jobs.map((j) => j.jobTitle),
    series: [],
    boxes: jobs.map((j) => j.box.map((v) => round1(v * 100)) as [number, number, number, number, number]),
    valueAxis: {
      name: t('report.chart.attainment.axis'),
      format: 'percent',
      reference: { value: 100, label: t('report.chart.attainment.target') },
    },
    ...(jobs.length ? {} : { empty: t('report.noData') }),
  };
}

export function disputesChart(f: DashboardFigures, t: T): ChartSpec {
  const total = f.disputes.reduce((s, d) => s + d.count, 0);
  const last = f.disputes.at(-1);
  return {
    id: 'disputesPerMonth',
    title: t('report.chart.disputes.title'),
    summary: last
      ? t('report.chart.disputes.summary', {
          total,
          months: f.disputes.length,
          last: last.month,
          lastCount: last.count,
        })
      : t('report.noData'),
    kind: 'bar',
    categories: f.disputes.map((d) => d.month),
    series: [{ name: t('report.chart.disputes.series'), values: f.disputes.map((d) => d.count), tone: 'warn' }],
    valueAxis: { name: t('report.chart.disputes.axis'), format: 'count' },
  };
}

/** Open cases are counted today, or on the last day of a period that has ended. */
const casesSummary = (t: T, f: DashboardFigures, v: { total: number; stage: string; count: number }) =>
  f.openCasesOn === null
    ? t('report.chart.cases.summary', v)
    : t('report.chart.cases.summaryOn', { ...v, date: f.openCasesOn });
const casesNone = (t: T, f: DashboardFigures) =>
  f.openCasesOn === null ? t('report.chart.cases.none') : t('report.chart.cases.noneOn', { date: f.openCasesOn });

export function openCasesChart(f: DashboardFigures, t: T, labels: ChartLabels): ChartSpec {
  const stages = f.openCases.slice(0, MAX_CATEGORIES);
  const total = f.openCases.reduce((s, c) => s + c.count, 0);
  const top = f.openCases[0];
  return {
    id: 'openCasesByStage',
    title: t('report.chart.cases.title'),
    summary: top ? casesSummary(t, f, { total, stage: labels.stage(top.stage), count: top.count }) : casesNone(t, f),
    kind: 'bar',
    horizontal: true,
    categories: stages.map((s) => labels.stage(s.stage)).reverse(),
    series: [{ name: t('report.chart.cases.series'), values: stages.map((s) => s.count).reverse(), tone: 'accent' }],
    valueAxis: { name: t('report.chart.cases.axis'), format: 'count' },
    ...(top ? {} : { empty: casesNone(t, f) }),
  };
}

export function cycleTimeChart(f: DashboardFigures, t: T): ChartSpec {
  const last = [...f.cycleTime].reverse().find((m) => m.medianDays !== null);
  return {
    id: 'cycleTime',
    title: t('report.chart.cycle.title'),
    summary: last
      ? t('report.chart.cycle.summary', { month: last.month, days: round1(last.medianDays!), closed: last.closed })
      : t('report.chart.cycle.none'),
    kind: 'line',
    categories: f.cycleTime.map((m) => m.month),
    series: [
      {
        name: t('report.chart.cycle.series'),
        values: f.cycleTime.map((m) => (m.medianDays === null ? null : round1(m.medianDays))),
        tone: 'accent',
      },
    ],
    valueAxis: { name: t('report.chart.cycle.axis'), format: 'days' },
    ...(last ? {} : { empty: t('report.chart.cycle.none') }),
  };
}

export function warningsChart(f: DashboardFigures, t: T): ChartSpec {
  const weeks = f.warnings.slice(-MAX_CATEGORIES);
  const raised = f.warnings.reduce((s, w) => s + w.raised, 0);
  const acted = f.warnings.reduce((s, w) => s + w.acted, 0);
  return {
    id: 'warnings',
    title: t('report.chart.warnings.title'),
    summary: raised
      ? t('report.chart.warnings.summary', { raised, acted, rate: pct(t, acted / raised) })
      : t('report.noData'),
    kind: 'bar',
    categories: weeks.map((w) => w.week),
    series: [
      { name: t('report.chart.warnings.raised'), values: weeks.map((w) => w.raised), tone: 'warn' },
      { name: t('report.chart.warnings.acted'), values: weeks.map((w) => w.acted), tone: 'good' },
    ],
    valueAxis: { name: t('report.chart.warnings.axis'), format: 'count' },
  };
}

/** All seven, in the order the dashboard shows them. */
export function dashboardCharts(f: DashboardFigures, t: T, labels: ChartLabels): ChartSpec[] {
  return [
    reviewCompletionChart(f, t),
    onTimeChart(f, t),
    attainmentChart(f, t),
    disputesChart(f, t),
    openCasesChart(f, t, labels),
    cycleTimeChart(f, t),
    warningsChart(f, t),
  ];
}
