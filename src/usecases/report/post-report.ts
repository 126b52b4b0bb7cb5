/**
 * `/dandang report [channel] [department] [period]` (HR): the dashboard's seven charts posted as
 * PNG pictures, each with its one-line summary, to the asker's DM or to the HR channel. The
 * pictures are drawn by the platform's sender when it sends, so this answers at once.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Recipient } from '../../ports/outbox.js';
import { ok, fail, type Result } from '../result.js';
import { parseReportPeriod } from '../../domain/dashboard/index.js';
import { buildReportIntro } from '../../ui/screens/report/report-intro.js';
import { localeOf, tFor, todayFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { translator } from '../../ui/i18n/index.js';
import { dashboardChartsFor } from './dashboard-charts.js';
import { refusedReport } from './hr-only.js';

export interface PostReportInput {
  actorId: string;
  period?: string;
  department?: string;
  /** The asker's DM (the default) or the HR channel. */
  to: 'dm' | 'hr_channel';
}

export const makePostReport =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: PostReportInput): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (refusedReport(tx, input.actorId, actor, 'charts')) return fail('NOT_AUTHORIZED', t('report.hrOnly'));
      const now = clock.now();
      const period = parseReportPeriod(input.period, todayFor(actor, settings, now));
      if (!period) return fail('INVALID_INPUT', t('report.badPeriod', { value: input.period ?? '' }));
      const department = input.department?.trim() || null;
      if (department !== null && !tx.reports.departments().includes(department))
        return fail('INVALID_INPUT', t('report.badDepartment', { value: department }));

      // The charts speak the reader's language: the asker's in a DM, the organisation's in the HR channel.
      const locale = input.to === 'dm' ? localeOf(actor, settings) : settings.locale;
      const rt = translator(locale);
      const to: Recipient = input.to === 'dm' ? { person: actor!.id } : { channel: settings.hrChannel };
      const charts = dashboardChartsFor(tx, { period, department, settings, now, t: rt, locale });
      tx.outbox.post({
        key: outboxKeys.reportIntro(actor!.id, now, input.to),
        to,
        message: buildReportIntro(rt, { period: period.label, department, charts: charts.length }),
        locale,
      });
      for (const chart of charts)
        tx.outbox.upload({
          key: outboxKeys.reportChart(actor!.id, now, input.to, chart.id),
          to,
          filename: `${chart.id}-${period.label}.png`,
          title: chart.title,
          comment: chart.summary,
          body: { kind: 'chart', chart },
        });
      tx.audit.record({
        actorId: actor!.id,
        action: 'report.charts',
        subjectType: 'report',
        subjectId: 'charts',
        detail: { period: period.label, department, to: input.to },
      });
      return ok({
        confirmation: t(input.to === 'dm' ? 'report.postedDm' : 'report.postedChannel', { count: charts.length }),
      });
    });
