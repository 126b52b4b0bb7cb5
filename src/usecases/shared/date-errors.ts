/**
 * A typed date checked against its field's rule (src/domain/date-rules.ts), as the localised
 * error shown next to the input, or null when the date is fine. Every use case that reads a date
 * from a form calls this, so the rule and its wording are the same on every platform.
 */
import type { T } from '../../ui/i18n/index.js';
import { checkDate, type DateField } from '../../domain/date-rules.js';

export function dateError(t: T, field: DateField, value: string, today: string): string | null {
  const c = checkDate(field, value, today);
  if (c.ok) return null;
  if (c.error === 'format') return t('common.date.format');
  if (c.error === 'tooLate' && c.latest === c.today) return t('common.date.notFuture', { earliest: c.earliest });
  if (c.error === 'tooEarly' && c.earliest === c.today) return t('common.date.notPast', { latest: c.latest });
  return t('common.date.range', { earliest: c.earliest, latest: c.latest });
}
