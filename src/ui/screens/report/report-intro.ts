/** The line posted before the charts of `/dandang report`: what period and department they show. */
import type { Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { literal } from '../../markup.js';
import { reportPeriodName } from './period-name.js';

export function buildReportIntro(t: T, d: { period: string; department: string | null; charts: number }): Message {
  const scope = t('report.scope', {
    period: literal(reportPeriodName(t, d.period)),
    department: d.department === null ? t('report.filter.allDepartments') : literal(d.department),
  });
  const title = t('report.dashboard.title');
  return {
    text: `${title}: ${scope}`,
    blocks: [
      { type: 'header', text: title },
      { type: 'context', text: t('report.intro', { scope, count: d.charts }) },
    ],
  };
}
