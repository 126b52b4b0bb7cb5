/**
 * The dashboard's seven charts for one period and department, in one reader's language: the facts
 * read in one transaction, the figures computed in the domain, the charts built in the UI layer.
 */
import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import type { Locale } from '../../ports/records.js';
import type { ChartSpec } from '../../ui/charts/model.js';
import type { T } from '../../ui/i18n/index.js';
import { dashboardCharts } from '../../ui/charts/dashboard-charts.js';
import { stepLabel } from '../../ui/screens/offboarding/labels.js';
import { addDays, dateIn } from '../../domain/dates.js';
import { periodContaining } from '../../domain/schedule.js';
import { instantOfWallTime } from '../../domain/zoned-time.js';
import { pathFor, policySchema } from '../../domain/policy/index.js';
import {
  attainmentOf,
  dashboardFigures,
  type CaseFact,
  type DashboardFacts,
  type ReportPeriod,
} from '../../domain/dashboard/index.js';

/** The period's first and last instant + 1 ms in the organisation's zone. */
export function periodInstants(p: ReportPeriod, timezone: string): { from: number; to: number } {
  const midnight = { hour: 0, minute: 0 };
  return {
    from: instantOfWallTime(p.from, midnight, timezone),
    to: instantOfWallTime(addDays(p.to, 1), midnight, timezone),
  };
}

export function dashboardChartsFor(
  tx: Tx,
  r: { period: ReportPeriod; department: string | null; settings: AppSettings; now: number; t: T; locale: Locale },
): ChartSpec[] {
  const dept = r.department ?? undefined;
  const { from, to } = periodInstants(r.period, r.settings.timezone);
  const departmentOf = (personId: string) => tx.org.person(personId)?.department;
  const stepLabels = new Map<string, string>();
  const cases: CaseFact[] = tx.cases
    .openedSince(0)
    .filter((c) => dept === undefined || departmentOf(c.employeeId) === dept)
    .map((c) => {
      const steps = pathFor(policySchema.parse(c.policySnapshot), c.reasonKind).steps;
      for (const step of steps) stepLabels.set(step.id, stepLabel(r.t, r.locale, step));
      // Steps are done in order: after k of them the case is at step k, or past the last one.
      const done = tx.cases
        .events(c.id)
        .filter((e) => e.outcome === 'done')
        .map((e) => e.at)
        .sort((a, b) => a - b);
      const stages = [c.openedAt, ...done].map((from, k) => ({ stage: steps[k]?.id ?? c.status, from }));
      return { id: c.id, stages, status: c.status, openedAt: c.openedAt, closedAt: c.closedAt };
    });
  const facts: DashboardFacts = {
    slots: tx.reports.slotFacts(r.period.from, r.period.to, dept),
    attainment: tx.reports.kpiResults(from, to, dept).flatMap((k) => {
      const attainment = attainmentOf(k);
      return attainment === null ? [] : [{ jobId: k.jobId, jobTitle: k.jobTitle, attainment }];
    }),
    disputes: tx.reports.disputeTimes(from, to, dept),
    cases,
    warnings: tx.warnings
      .raisedBetween(from, to)
      .filter((w) => dept === undefined || w.department === dept)
      .map((w) => ({ week: w.week, acted: w.followUp !== null })),
  };
  // A period may reach past today (this quarter): its weeks and months to come have no figures
  // yet, so they are not drawn as zeros. (Labels of one form sort as text.)
  const today = dateIn(r.now, r.settings.timezone);
  const thisWeek = periodContaining('weekly', today).label;
  const figures = dashboardFigures(facts, {
    weeks: r.period.weeks.filter((w) => w <= thisWeek),
    months: r.period.months.filter((m) => m <= today.slice(0, 7)),
    timezone: r.settings.timezone,
    now: r.now,
    end: to,
  });
  return dashboardCharts(figures, r.t, { stage: (id) => stepLabels.get(id) ?? id });
}
