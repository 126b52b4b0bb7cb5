/**
 * A planned conversation: the form a manager schedules it with (date, start, length, place or
 * meeting link, agenda), the DM both people get (with a calendar file beside it), the reminder
 * before it, and the prompt to record the note once it is over.
 */
import { periodMarkup } from '../../period.js';
import type { Block, Button, Field, Form, Input, Message, Option } from '../../model.js';
import type { T } from '../../i18n/index.js';
import type { Kpi } from '../../../ports/records.js';
import type { PlannedConversation } from '../../../ports/repos/evidence.js';
import { ACTIONS, FORMS } from '../../actions.js';
import { literal } from '../../markup.js';
import { meetingLink } from '../../links.js';
import { TEXT_LIMITS } from '../../../domain/text.js';

/** Lengths offered, in minutes. */
export const CONVERSATION_MINUTES = [15, 30, 45, 60, 90] as const;
export const DEFAULT_CONVERSATION_MINUTES = 30;

/** Input ids of the schedule form. */
export const CONVERSATION_INPUTS = {
  date: 'date',
  start: 'start',
  minutes: 'minutes',
  place: 'place',
  meetingUrl: 'meeting_url',
  agenda: 'agenda',
  kpis: 'kpis',
} as const;

/** What the schedule form carries: whom it is with, and the disputed review it answers. Untrusted. */
export interface ConversationFormState {
  personId: string;
  reviewId?: number;
}
export const encodeConversationState = (s: ConversationFormState) =>
  JSON.stringify({ p: s.personId, ...(s.reviewId !== undefined ? { r: s.reviewId } : {}) });
export function decodeConversationState(raw: string): ConversationFormState | null {
  try {
    const v = JSON.parse(raw) as { p?: unknown; r?: unknown };
    if (typeof v.p !== 'string') return null;
    return { personId: v.p, ...(Number.isSafeInteger(v.r) && (v.r as number) > 0 ? { reviewId: v.r as number } : {}) };
  } catch {
    return null;
  }
}

export interface ConversationFormData {
  personId: string;
  personName: string;
  kpis: Kpi[];
  preselected: string[];
  /** The zone the times are typed in (the organizer's). */
  zone: string;
  /** The suggested day (`YYYY-MM-DD`). */
  day: string;
  agenda: string;
  /** The disputed review this answers: its period and the employee's comment. */
  dispute?: { reviewId: number; period: string; comment: string };
  values?: Record<string, string | string[] | undefined>;
}

/** What the when-and-where inputs start with: the typed values, else the form's defaults. */
export interface WhenWhereInitial {
  date: string;
  start?: string;
  minutes: string;
  place?: string;
  meetingUrl?: string;
}

/** Date, start, length, place and meeting link: what scheduling and rescheduling both ask. */
export function whenWhereInputs(t: T, zone: string, initial: WhenWhereInitial): Input[] {
  const I = CONVERSATION_INPUTS;
  const minutes: Option[] = CONVERSATION_MINUTES.map((m) => ({ value: String(m), label: t('ev.conv.minutes', { m }) }));
  return [
    { id: I.date, kind: 'date', label: t('ev.conv.date'), initial: initial.date },
    {
      id: I.start,
      kind: 'text',
      label: t('ev.conv.start'),
      hint: t('ev.conv.startHint', { zone }),
      placeholder: '14:00',
      maxLength: 5,
      initial: initial.start,
    },
    { id: I.minutes, kind: 'select', label: t('ev.conv.length'), options: minutes, initial: initial.minutes },
    {
      id: I.place,
      kind: 'text',
      optional: true,
      label: t('ev.conv.place'),
      maxLength: TEXT_LIMITS.line,
      initial: initial.place,
    },
    {
      id: I.meetingUrl,
      kind: 'text',
      optional: true,
      label: t('ev.conv.meetingUrl'),
      hint: t('ev.conv.meetingUrlHint'),
      placeholder: 'https://',
      maxLength: TEXT_LIMITS.link,
      initial: initial.meetingUrl,
    },
  ];
}

export function buildScheduleConversationForm(t: T, d: ConversationFormData): Form {
  const v = d.values ?? {};
  const s = (id: string) => (typeof v[id] === 'string' ? (v[id] as string) : undefined);
  const intro: Block[] = [{ type: 'text', text: t('ev.conv.about', { name: literal(d.personName) }) }];
  if (d.dispute)
    intro.push({
      type: 'context',
      text: t('ev.conv.aboutDispute', {
        period: periodMarkup(t, d.dispute.period),
        comment: literal(d.dispute.comment),
      }),
    });
  const I = CONVERSATION_INPUTS;
  return {
    formId: FORMS.scheduleConversation,
    title: t('ev.conv.formTitle'),
    submitLabel: t('ev.conv.schedule'),
    cancelLabel: t('common.cancel'),
    state: encodeConversationState({ personId: d.personId, ...(d.dispute ? { reviewId: d.dispute.reviewId } : {}) }),
    intro,
    inputs: [
      ...whenWhereInputs(t, d.zone, {
        date: s(I.date) ?? d.day,
        start: s(I.start),
        minutes: s(I.minutes) ?? String(DEFAULT_CONVERSATION_MINUTES),
        place: s(I.place),
        meetingUrl: s(I.meetingUrl),
      }),
      {
        id: I.agenda,
        kind: 'text',
        multiline: true,
        label: t('ev.conv.agenda'),
        hint: t('ev.conv.agendaHint'),
        maxLength: TEXT_LIMITS.long,
        initial: s(I.agenda) ?? d.agenda,
      },
      ...(d.kpis.length
        ? [
            {
              id: I.kpis,
              kind: 'multiselect' as const,
              checkboxes: true as const,
              optional: true,
              label: t('ev.conv.kpis'),
              options: d.kpis.map((k) => ({ value: k.key, label: literal(k.name) })),
              initial: Array.isArray(v[I.kpis]) ? (v[I.kpis] as string[]) : d.preselected,
            },
          ]
        : []),
    ],
  };
}

/** A conversation as one reader sees it: names, and the time already in their zone and language. */
export interface ConversationView {
  conversation: PlannedConversation;
  employeeName: string;
  organizerName: string;
  kpiNames: string[];
  /** 'Fri 4 Dec 14:00–14:30' in the reader's zone and language. */
  when: string;
  /** The day (in the reader's zone) the organizer last rescheduled or cancelled it. */
  changedOn: string | null;
}

/** "Room 3 · [Join the meeting](https://…)": the place as typed, the checked link clickable. */
export function whereText(t: T, c: Pick<PlannedConversation, 'location' | 'meetingUrl'>): string {
  const parts: string[] = [];
  if (c.location) parts.push(literal(c.location));
  if (c.meetingUrl) parts.push(meetingLink(c.meetingUrl, t('ev.conv.join')));
  return parts.join(' · ');
}

function detailFields(t: T, v: ConversationView): Field[] {
  const c = v.conversation;
  const fields: Field[] = [{ label: t('ev.conv.when'), value: v.when }];
  const where = whereText(t, c);
  if (where) fields.push({ label: t('ev.conv.where'), value: where });
  if (v.kpiNames.length)
    fields.push({ label: t('ev.conv.kpis'), value: v.kpiNames.map(literal).join(t('common.listSep')) });
  return fields;
}

/** "Reschedule" and "Cancel", for the organizer while the conversation is still planned. */
export function conversationChangeButtons(t: T, conversationId: number): Button[] {
  const value = String(conversationId);
  return [
    { actionId: ACTIONS.rescheduleConversation, label: t('ev.conv.rescheduleButton'), value },
    { actionId: ACTIONS.cancelConversation, label: t('ev.conv.cancelButton'), value, style: 'danger' },
  ];
}

/** The line under a DM once it was changed: moved (still planned), or cancelled. */
export function conversationChangeLine(t: T, v: ConversationView): string | null {
  const c = v.conversation;
  if (c.status === 'cancelled') return t('ev.conv.cancelledLine', { date: v.changedOn ?? '' });
  if (c.sequence > 0 && v.changedOn) return t('ev.conv.movedLine', { date: v.changedOn });
  return null;
}

/**
 * The DM each of the two gets when it is planned; the calendar file follows as an upload. Rebuilt
 * in place when the organizer moves or cancels it: the organizer's keeps its buttons while it is
 * planned, and both say when it was moved or that it was cancelled.
 */
export function buildConversationMessage(t: T, v: ConversationView, audience: 'employee' | 'organizer'): Message {
  const header =
    audience === 'employee'
      ? t('ev.conv.dmEmployee', { organizer: literal(v.organizerName) })
      : t('ev.conv.dmOrganizer', { name: literal(v.employeeName) });
  const c = v.conversation;
  const change = conversationChangeLine(t, v);
  const blocks: Block[] = [
    { type: 'header', text: header },
    ...(c.status === 'cancelled' && change ? [{ type: 'context' as const, text: change }] : []),
    { type: 'fields', fields: detailFields(t, v) },
    { type: 'text', text: `**${t('ev.conv.agenda')}**\n${literal(c.agenda)}` },
    ...(c.status !== 'cancelled' && change ? [{ type: 'context' as const, text: change }] : []),
  ];
  if (c.status === 'planned') {
    blocks.push({ type: 'context', text: t('ev.conv.calendarLine') });
    if (audience === 'organizer') blocks.push({ type: 'actions', buttons: conversationChangeButtons(t, c.id) });
  }
  const status = c.status === 'cancelled' ? ` · ${t('ev.conv.statusCancelled')}` : '';
  // Its buttons may be wanted weeks ahead: Feishu renews the card until it is cancelled or recorded.
  const lasting = audience === 'organizer' && c.status === 'planned';
  return { text: `${header} · ${v.when}${status}`, blocks, ...(lasting ? { lasting: true as const } : {}) };
}

/** Sent to both shortly before it starts. */
export function buildConversationReminder(t: T, v: ConversationView, audience: 'employee' | 'organizer'): Message {
  const text = t('ev.conv.reminder', {
    name: literal(audience === 'employee' ? v.organizerName : v.employeeName),
    when: v.when,
  });
  const where = whereText(t, v.conversation);
  return { text, blocks: [{ type: 'text', text }, ...(where ? [{ type: 'context' as const, text: where }] : [])] };
}

/** After it ends, the organizer is asked for the note; rebuilt once it is recorded. */
export function buildRecordNotePrompt(t: T, v: ConversationView, recordedOn: string | null): Message {
  const text = t('ev.conv.recordPrompt', { name: literal(v.employeeName), when: v.when });
  const blocks: Block[] = [{ type: 'text', text }];
  if (recordedOn === null)
    blocks.push({
      type: 'actions',
      buttons: [
        {
          actionId: ACTIONS.recordConversationNote,
          label: t('ev.conv.recordButton'),
          value: String(v.conversation.id),
          style: 'primary',
        },
      ],
    });
  else blocks.push({ type: 'context', text: t('ev.conv.recorded', { date: recordedOn }) });
  return { text, blocks };
}
