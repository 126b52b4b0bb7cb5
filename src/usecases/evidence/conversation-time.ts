/**
 * When and where a conversation is, read from the schedule form or the reschedule form (the same
 * inputs): a date and a start typed in the organizer's zone, a length, a place and/or an https
 * meeting link. The start must be in the future.
 */
import type { FormValues } from '../../ui/model.js';
import type { T } from '../../ui/i18n/index.js';
import type { ConversationMove } from '../../ports/repos/evidence.js';
import { textValue } from '../../ui/form-values.js';
import { CONVERSATION_INPUTS as I, CONVERSATION_MINUTES } from '../../ui/screens/evidence/conversation.js';
import { parseTimeOfDay } from '../../domain/dates.js';
import { instantOfWallTime } from '../../domain/zoned-time.js';
import { parseMeetingUrl } from '../../domain/meeting-url.js';
import { dateError } from '../shared/date-errors.js';
import { textFieldErrors } from '../shared/text-errors.js';

/** The time and place (`move`), or `move: null` and the field errors keyed by input id. */
export function readConversationTime(
  t: T,
  v: FormValues,
  ctx: { zone: string; today: string; now: number },
): { move: ConversationMove | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = textValue(v, I.date);
  const dateProblem = dateError(t, 'conversation', date, ctx.today);
  if (dateProblem) errors[I.date] = dateProblem;
  const start = parseTimeOfDay(textValue(v, I.start));
  if (!start) errors[I.start] = t('ev.err.time');
  const minutes = Number(textValue(v, I.minutes));
  if (!CONVERSATION_MINUTES.includes(minutes as (typeof CONVERSATION_MINUTES)[number]))
    errors[I.minutes] = t('ev.err.minutes');
  const place = textValue(v, I.place);
  const rawUrl = textValue(v, I.meetingUrl);
  const meetingUrl = rawUrl ? parseMeetingUrl(rawUrl) : null;
  if (rawUrl && !meetingUrl) errors[I.meetingUrl] = t('ev.err.meetingUrl');
  if (!place && !rawUrl) errors[I.place] = t('ev.err.placeOrLink');
  const startsAt = !dateProblem && start ? instantOfWallTime(date, start, ctx.zone) : null;
  if (startsAt !== null && startsAt <= ctx.now) errors[I.start] = t('ev.err.startPassed');
  Object.assign(errors, textFieldErrors(t, v, { [I.place]: 'line', [I.meetingUrl]: 'link' }));
  const move =
    startsAt === null || Object.keys(errors).length
      ? null
      : { startsAt, endsAt: startsAt + minutes * 60_000, location: place, meetingUrl };
  return { move, errors };
}
