import type { Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { weekNumberOf } from '../../../domain/review.js';
import { mention } from '../../markup.js';

export type ReminderAudience = 'manager' | 'skip_manager' | 'hr_channel';

/** One reminder for one manager's overdue reviews, worded for who receives it. */
export function buildOverdueReminder(
  t: T,
  r: {
    audience: ReminderAudience;
    managerName: string;
    department: string;
    due: string;
    employeeNames: string[];
    slotIds: number[];
  },
): Message {
  const names = r.employeeNames.join(', ');
  const count = r.employeeNames.length;
  const text =
    r.audience === 'manager'
      ? t('review.remind.manager', { count, due: r.due, names })
      : r.audience === 'skip_manager'
        ? t('review.remind.skip', { manager: r.managerName, count, due: r.due, names })
        : t('review.remind.hr', { manager: r.managerName, department: r.department, count, due: r.due, names });
  return { text, blocks: [{ type: 'text', text }] };
}

/** The period as people say it: "Week 48" for weekly cycles, the label otherwise. */
export const periodName = (t: T, label: string) => {
  const week = weekNumberOf(label);
  return week === null ? label : t('review.digest.week', { week });
};

/** "Week 48 reviews: 5/7 done. Waiting on @a, @b." Mentions use `<@person:ID>`. */
export function buildDigest(
  t: T,
  d: { periodLabel: string; done: number; total: number; waitingOn: string[] },
): Message {
  const head = t('review.digest.text', { period: periodName(t, d.periodLabel), done: d.done, total: d.total });
  const tail = d.waitingOn.length
    ? t('review.digest.waiting', { names: d.waitingOn.map(mention).join(', ') })
    : t('review.digest.allDone');
  const text = `${head} ${tail}`;
  return { text, blocks: [{ type: 'text', text }] };
}
