/**
 * The HR dashboard page of the local workspace: the seven charts for a period and a department,
 * and the choices its filter offers. HR only.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { ChartSpec } from '../../ui/charts/model.js';
import { ok, fail, type Result } from '../result.js';
import { parseReportPeriod, REPORT_PERIOD_PRESETS, type ReportPeriod } from '../../domain/dashboard/index.js';
import { localeOf, tFor, todayFor } from '../shared/people.js';
import { dashboardChartsFor } from './dashboard-charts.js';
import { refusedReport } from './hr-only.js';

export interface DashboardInput {
  actorId: string;
  /** As typed (`last-8w`, `2026-W49`, `2026-11`…); empty for the default. */
  period?: string;
  /** Empty for every department. */
  department?: string;
}

export interface Dashboard {
  period: ReportPeriod;
  department: string | null;
  departments: string[];
  periodChoices: string[];
  charts: ChartSpec[];
}

export const makeBuildDashboard =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: DashboardInput): Result<Dashboard> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (refusedReport(tx, input.actorId, actor, 'dashboard')) return fail('NOT_AUTHORIZED', t('report.hrOnly'));
      const now = clock.now();
      const period = parseReportPeriod(input.period, todayFor(actor, settings, now));
      if (!period) return fail('INVALID_INPUT', t('report.badPeriod', { value: input.period ?? '' }));
      const departments = tx.reports.departments();
      const department = input.department?.trim() || null;
      if (department !== null && !departments.includes(department))
        return fail('INVALID_INPUT', t('report.badDepartment', { value: department }));
      const charts = dashboardChartsFor(tx, {
        period,
        department,
        settings,
        now,
        t,
        locale: localeOf(actor, settings),
      });
      return ok({ period, department, departments, periodChoices: [...REPORT_PERIOD_PRESETS], charts });
    });
