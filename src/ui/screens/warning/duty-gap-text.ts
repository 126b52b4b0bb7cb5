/** A manager's duty gap in one line. */
import type { T } from '../../i18n/index.js';
import type { DutyGap } from '../../../domain/warning/index.js';
import { literal } from '../../markup.js';

export function dutyGapLine(t: T, g: DutyGap, nameOf: (id: string) => string): string {
  switch (g.kind) {
    case 'reviews_overdue': {
      const oldest = g.slots[0]!;
      return t('warning.gap.reviews_overdue', {
        count: g.slots.length,
        name: literal(nameOf(oldest.employeeId)),
        period: literal(oldest.period),
      });
    }
    case 'no_conversation':
      return g.lastConversationOn === null
        ? t('warning.gap.no_conversation_ever', { name: literal(nameOf(g.employeeId)) })
        : t('warning.gap.no_conversation', { name: literal(nameOf(g.employeeId)), weeks: g.weeks });
    case 'training_no_session':
      return t('warning.gap.training_no_session', { name: literal(nameOf(g.employeeId)), days: g.days });
    case 'dispute_unanswered':
      return t('warning.gap.dispute_unanswered', { name: literal(nameOf(g.employeeId)), days: g.days });
  }
}

/** "2 reviews overdue; no conversation with 1 below-target reports": counts per kind, for HR. */
export function dutyGapCounts(t: T, gaps: readonly DutyGap[]): string {
  const counts = new Map<DutyGap['kind'], number>();
  for (const g of gaps)
    counts.set(g.kind, (counts.get(g.kind) ?? 0) + (g.kind === 'reviews_overdue' ? g.slots.length : 1));
  return [...counts.entries()]
    .map(([kind, count]) => t(`warning.hr.gapCount.${kind}`, { count }))
    .join(t('warning.hr.gapSeparator'));
}
