/**
 * The 《绩效报表》 for one review period (`2026-W49`; the last finished week by default) and
 * optionally one department: one row per person per KPI. `/dandang report export` uploads it as
 * an .xlsx into the asker's DM; the CLI writes it to a file (xlsx or csv). HR only.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Locale } from '../../ports/records.js';
import { ok, fail, type Result } from '../result.js';
import { addDays } from '../../domain/dates.js';
import { periodContaining } from '../../domain/schedule.js';
import type { PerformanceRow } from '../../domain/dashboard/index.js';
import { performanceWorkbook } from '../../ui/screens/report/performance-report.js';
import type { Workbook } from '../../ui/workbook.js';
import { localeOf, tFor, todayFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { performanceRows } from './performance-rows.js';
import { refusedReport } from './hr-only.js';

export interface ExportPerformanceInput {
  /** Null: the operator on the server (the CLI), trusted like the dossier export, and audited as such. */
  actorId: string | null;
  /** A review period's label: `2026-W49`, or `2026-11` for monthly cycles. */
  period?: string;
  department?: string;
  /** `dm`: upload the .xlsx into the asker's DM; `none`: only return it (the CLI writes the file). */
  deliver: 'dm' | 'none';
}

export interface PerformanceExport {
  period: string;
  department: string | null;
  rows: PerformanceRow[];
  workbook: Workbook;
  filename: string;
  locale: Locale;
  confirmation: string;
}

const PERIOD_LABEL = /^\d{4}-(W\d{2}(\/\d{2}|\/\d{4}-W\d{2})?|\d{2})$/;

export const makeExportPerformanceReport =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: ExportPerformanceInput): Result<PerformanceExport> =>
    store.tx((tx) => {
      const actor = input.actorId === null ? null : tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      // Only a chat user is checked: the operator has the database anyway, and gets no DM.
      if (input.actorId !== null && refusedReport(tx, input.actorId, actor, 'performance'))
        return fail('NOT_AUTHORIZED', t('report.hrOnly'));
      if (input.actorId === null && input.deliver === 'dm') return fail('INVALID_INPUT', t('report.hrOnly'));
      const now = clock.now();
      const period =
        input.period?.trim() || periodContaining('weekly', addDays(todayFor(actor, settings, now), -7)).label;
      if (!PERIOD_LABEL.test(period)) return fail('INVALID_INPUT', t('report.badExportPeriod', { value: period }));
      const department = input.department?.trim() || null;
      if (department !== null && !tx.reports.departments().includes(department))
        return fail('INVALID_INPUT', t('report.badDepartment', { value: department }));
      const rows = performanceRows(tx.reports.performanceSlots(period, department ?? undefined), now);
      if (!rows.length) return fail('NOT_FOUND', t('report.noReviews', { period }));
      const locale = localeOf(actor, settings);
      const workbook = performanceWorkbook(period, rows, t, locale);
      const filename = `performance-${period.replace(/\//g, '-')}${department ? `-${department.replace(/[^\p{L}\p{N}_-]+/gu, '_')}` : ''}.xlsx`;
      if (input.deliver === 'dm' && actor)
        tx.outbox.upload({
          key: outboxKeys.performanceReport(actor.id, now),
          to: { person: actor.id },
          filename,
          title: workbook.title,
          comment: t('report.exportComment', { people: new Set(rows.map((r) => r.personId)).size, rows: rows.length }),
          body: { kind: 'workbook', workbook },
        });
      tx.audit.record({
        actorId: actor?.id ?? null,
        action: 'report.export',
        subjectType: 'report',
        subjectId: 'performance',
        detail: { period, department, rows: rows.length, deliver: input.deliver },
      });
      return ok({
        period,
        department,
        rows,
        workbook,
        filename,
        locale,
        confirmation: t('report.exported', { period, rows: rows.length }),
      });
    });
