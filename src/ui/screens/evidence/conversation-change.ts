/**
 * Changing a planned conversation, which only the manager who scheduled it may do (HR may cancel
 * one whose organizer has left, from the employee's record): the buttons on
 * their DM, the reschedule form (a new date, time, length, place or link), the cancel form (with an
 * optional word to the employee), and the notice the employee gets about either.
 */
import type { Block, Form, Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { FORMS } from '../../actions.js';
import { literal } from '../../markup.js';
import { TEXT_LIMITS } from '../../../domain/text.js';
import { CONVERSATION_INPUTS as I, whenWhereInputs, whereText, type ConversationView } from './conversation.js';

/** Input id of the cancel form's optional word to the employee. */
export const CANCEL_REASON_INPUT = 'reason';

export interface RescheduleFormData {
  conversationId: number;
  employeeName: string;
  /** The time now, in the organizer's zone and language. */
  when: string;
  /** The zone the times are typed in (the organizer's). */
  zone: string;
  /** The current values, in the organizer's zone: `date` YYYY-MM-DD, `start` HH:MM, `minutes`. */
  date: string;
  start: string;
  minutes: number;
  place: string;
  meetingUrl: string | null;
  values?: Record<string, string | string[] | undefined>;
}

export function buildRescheduleConversationForm(t: T, d: RescheduleFormData): Form {
  const v = d.values ?? {};
  const s = (id: string) => (typeof v[id] === 'string' ? (v[id] as string) : undefined);
  return {
    formId: FORMS.rescheduleConversation,
    title: t('ev.conv.rescheduleTitle'),
    submitLabel: t('ev.conv.rescheduleSubmit'),
    cancelLabel: t('common.cancel'),
    state: String(d.conversationId),
    intro: [{ type: 'text', text: t('ev.conv.rescheduleAbout', { name: literal(d.employeeName), when: d.when }) }],
    inputs: [
      ...whenWhereInputs(t, d.zone, {
        date: s(I.date) ?? d.date,
        start: s(I.start) ?? d.start,
        minutes: s(I.minutes) ?? String(d.minutes),
        place: s(I.place) ?? (d.place || undefined),
        meetingUrl: s(I.meetingUrl) ?? d.meetingUrl ?? undefined,
      }),
    ],
  };
}

export function buildCancelConversationForm(
  t: T,
  d: {
    conversationId: number;
    employeeName: string;
    when: string;
    /** The organizer's name when HR cancels because the organizer has left. */
    organizerLeft?: string | null;
  },
): Form {
  const about = d.organizerLeft
    ? t('ev.conv.cancelAboutLeft', { organizer: literal(d.organizerLeft), name: literal(d.employeeName), when: d.when })
    : t('ev.conv.cancelAbout', { name: literal(d.employeeName), when: d.when });
  return {
    formId: FORMS.cancelConversation,
    title: t('ev.conv.cancelTitle'),
    submitLabel: t('ev.conv.cancelSubmit'),
    cancelLabel: t('ev.conv.cancelKeep'),
    state: String(d.conversationId),
    intro: [{ type: 'text', text: about }],
    inputs: [
      {
        id: CANCEL_REASON_INPUT,
        kind: 'text',
        multiline: true,
        optional: true,
        label: t('ev.conv.cancelReason'),
        hint: t('ev.conv.cancelReasonHint'),
        maxLength: TEXT_LIMITS.long,
      },
    ],
  };
}

/** What the employee is told when the organizer moves the conversation; the new calendar file follows. */
export function buildConversationMovedNotice(t: T, v: ConversationView, before: string): Message {
  const text = t('ev.conv.movedNotice', { organizer: literal(v.organizerName), before, when: v.when });
  const where = whereText(t, v.conversation);
  const blocks: Block[] = [{ type: 'text', text }];
  if (where) blocks.push({ type: 'context', text: where });
  return { text, blocks };
}

/**
 * What the employee is told when the organizer cancels it, or HR (`byHr`, their name) because the
 * organizer has left, with their word if they gave one.
 */
export function buildConversationCancelledNotice(
  t: T,
  v: ConversationView,
  reason: string,
  byHr: string | null = null,
): Message {
  const text = byHr
    ? t('ev.conv.cancelledByHrNotice', { hr: literal(byHr), organizer: literal(v.organizerName), when: v.when })
    : t('ev.conv.cancelledNotice', { organizer: literal(v.organizerName), when: v.when });
  const blocks: Block[] = [{ type: 'text', text }];
  if (reason) blocks.push({ type: 'text', text: `**${t('ev.conv.cancelReason')}**\n${literal(reason)}` });
  blocks.push({ type: 'context', text: t('ev.conv.cancelledCalendar') });
  return { text, blocks };
}
