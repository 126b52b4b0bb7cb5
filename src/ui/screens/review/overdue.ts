import type { Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { periodName } from '../../period.js';
import { literal, mention } from '../../markup.js';

export type ReminderAudience = 'manager' | 'skip_manager' | 'hr_channel';

/**
 * One reminder for one manager's overdue reviews, worded for who receives it. The reviews are
 * grouped by due time (a manager's reports in several departments may be due at different times).
 */
export function buildOverdueReminder(
  t: T,
  r: {
    audience: ReminderAudience;
    managerName: string;
    department: string;
    groups: { due: string; names: string[] }[];
  },
): Message {
  const count = r.groups.reduce((n, g) => n + g.names.length, 0);
  const one = r.groups.length === 1 ? r.groups[0]! : null;
  const params = { manager: literal(r.managerName), department: literal(r.department), count };
  let text: string;
  if (one) {
    const p = { ...params, due: one.due, names: one.names.map(literal).join(t('common.listSep')) };
    text =
      r.audience === 'manager'
        ? t('review.remind.manager', p)
        : r.audience === 'skip_manager'
          ? t('review.remind.skip', p)
          : t('review.remind.hr', p);
  } else {
    const head =
      r.audience === 'manager'
        ? t('review.remind.managerGrouped', params)
        : r.audience === 'skip_manager'
          ? t('review.remind.skipGrouped', params)
          : t('review.remind.hrGrouped', params);
    const lines = r.groups.map((g) =>
      t('review.remind.groupLine', { due: g.due, names: g.names.map(literal).join(t('common.listSep')) }),
    );
    text = [head, ...lines].join('\n');
  }
  return { text, blocks: [{ type: 'text', text }] };
}

/** "Week 48 reviews: 5/7 done. Waiting on @a, @b." Mentions use `<@person:ID>`. */
export function buildDigest(
  t: T,
  d: { periodLabel: string; done: number; total: number; waitingOn: string[] },
): Message {
  const head = t('review.digest.text', { period: periodName(t, d.periodLabel), done: d.done, total: d.total });
  const tail = d.waitingOn.length
    ? t('review.digest.waiting', { names: d.waitingOn.map(mention).join(t('common.listSep')) })
    : t('review.digest.allDone');
  const text = `${head}${t('common.sentenceSep')}${tail}`;
  return { text, blocks: [{ type: 'text', text }] };
}
