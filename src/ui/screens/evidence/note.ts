/**
 * The `/note` form and the note as the employee receives it.
 *
 * Agreed actions are three fixed rows (description / owner select / due date) rather than a
 * repeating group: the neutral Form has no repeater, and fixed rows render inline in a Feishu card,
 * as a Slack modal and as an HTML dialog alike. Empty rows are ignored.
 */
import type { Form, Message, Block, Option } from '../../model.js';
import { ACTIONS, FORMS } from '../../actions.js';
import type { T } from '../../i18n/index.js';
import type { Kpi, Acknowledgment } from '../../../ports/records.js';
import type { Note, NoteKind, NoteVisibility } from '../../../ports/repos/evidence.js';
import { responseLine } from './responses.js';
import { literal, userText } from '../../markup.js';
import { TEXT_LIMITS } from '../../../domain/text.js';
import { PLAIN_NOTE_KINDS, TERMED_NOTE_KINDS, termBlocks, termInputs } from './note-terms.js';

/** Every kind a note may have; the plain form offers the ones without terms (note-terms.ts). */
export const NOTE_KINDS: readonly NoteKind[] = [...PLAIN_NOTE_KINDS, ...TERMED_NOTE_KINDS];
export const NOTE_VISIBILITIES: readonly NoteVisibility[] = ['private', 'shared', 'evidence'];
export const ACTION_ROWS = 3;
/** Kinds whose note is followed up: agreed actions and a next check-in belong to them. */
const FOLLOW_UP_KINDS: readonly NoteKind[] = [
  'pip_kickoff',
  'pip_check_in',
  'improvement_note',
  'first_written_warning',
  'final_written_warning',
];

export interface NoteFormData {
  personId: string;
  personName: string;
  kpis: Kpi[];
  owners: Option[];
  today: string;
  prefill?: { kpiKeys?: string[]; kind?: NoteKind };
  /** The planned conversation this note records: its day, and its agenda shown above the form. */
  conversation?: { id: number; heldOn: string; agenda: string; when: string };
}

/**
 * What the note form carries: the person, and the planned conversation it records, if any.
 * Untrusted. A bare person id is the form of a note about no planned conversation.
 */
export interface NoteFormState {
  personId: string;
  conversationId?: number;
}
export const encodeNoteFormState = (s: NoteFormState): string =>
  s.conversationId === undefined ? s.personId : JSON.stringify({ p: s.personId, c: s.conversationId });
export function decodeNoteFormState(raw: string): NoteFormState {
  if (!raw.startsWith('{')) return { personId: raw };
  try {
    const v = JSON.parse(raw) as { p?: unknown; c?: unknown };
    return {
      personId: typeof v.p === 'string' ? v.p : '',
      ...(Number.isSafeInteger(v.c) && (v.c as number) > 0 ? { conversationId: v.c as number } : {}),
    };
  } catch {
    return { personId: '' };
  }
}

export function buildNoteForm(t: T, d: NoteFormData): Form {
  // A kind that follows up (a PIP, an improvement note, a warning) asks its first agreed action
  // and the next check-in; everything else a note may carry is behind "More".
  const kind = d.prefill?.kind;
  const followsUp = !!kind && FOLLOW_UP_KINDS.includes(kind);
  const actionInputs: Form['inputs'] = [];
  for (let n = 1; n <= ACTION_ROWS; n++) {
    const more = followsUp && n === 1 ? {} : { more: true as const };
    actionInputs.push(
      {
        id: `action${n}`,
        kind: 'text',
        maxLength: TEXT_LIMITS.line,
        optional: true,
        ...more,
        label: t('ev.note.actionDesc', { n }),
        ...(n === 1 ? { hint: t('ev.note.actionHint') } : {}),
      },
      {
        id: `action${n}_owner`,
        kind: 'select',
        people: true,
        optional: true,
        ...more,
        label: t('ev.note.actionOwner', { n }),
        options: d.owners.map((o) => ({ ...o, label: literal(o.label) })),
        initial: d.owners[0]?.value,
      },
      {
        id: `action${n}_due`,
        kind: 'date',
        optional: true,
        ...more,
        label: t('ev.note.actionDue', { n }),
      },
    );
  }
  const kpiInitial = d.prefill?.kpiKeys;
  // A kind with terms (a PIP, a warning stage, a hearing invitation) gets a form of its own.
  const termed = d.prefill?.kind && TERMED_NOTE_KINDS.includes(d.prefill.kind) ? d.prefill.kind : undefined;
  const kinds = termed ? [termed] : PLAIN_NOTE_KINDS;
  return {
    formId: FORMS.note,
    title: t('ev.note.formTitle'),
    submitLabel: t('ev.note.save'),
    cancelLabel: t('common.cancel'),
    state: encodeNoteFormState({
      personId: d.personId,
      ...(d.conversation ? { conversationId: d.conversation.id } : {}),
    }),
    intro: [
      { type: 'text', text: t('ev.note.about', { name: literal(d.personName) }) },
      // The plain form says how to open a kind with terms (a PIP, a warning, a hearing invitation).
      ...(termed ? [] : [{ type: 'context' as const, text: t('ev.terms.otherKinds') }]),
      ...(d.conversation
        ? [
            {
              type: 'context' as const,
              text: t('ev.note.fromConversation', {
                when: d.conversation.when,
                agenda: literal(d.conversation.agenda),
              }),
            },
          ]
        : []),
    ],
    inputs: [
      {
        id: 'kind',
        kind: 'select',
        label: t('ev.note.kind'),
        options: kinds.map((k) => ({ value: k, label: t(`ev.noteKind.${k}`) })),
        initial: termed ?? (d.prefill?.kind && kinds.includes(d.prefill.kind) ? d.prefill.kind : 'one_on_one'),
      },
      { id: 'held_on', kind: 'date', label: t('ev.note.heldOn'), initial: d.conversation?.heldOn ?? d.today },
      ...termInputs(t, termed, d.today),
      {
        id: 'discussion',
        kind: 'text',
        multiline: true,
        label: t('ev.note.discussion'),
        maxLength: TEXT_LIMITS.long,
      },
      ...(d.kpis.length
        ? [
            {
              id: 'kpis',
              kind: 'multiselect' as const,
              checkboxes: true as const,
              optional: true,
              label: t('ev.note.kpis'),
              options: d.kpis.map((k) => ({ value: k.key, label: literal(k.name) })),
              initial: kpiInitial?.filter((k) => d.kpis.some((x) => x.key === k)),
            },
          ]
        : []),
      ...actionInputs,
      {
        id: 'next_check_in',
        kind: 'date',
        optional: true,
        ...(followsUp ? {} : { more: true as const }),
        label: t('ev.note.nextCheckIn'),
      },
      {
        id: 'visibility',
        kind: 'select',
        label: t('ev.note.visibility'),
        options: NOTE_VISIBILITIES.map((k) => ({ value: k, label: t(`ev.visibility.${k}`) })),
        initial: 'shared',
      },
    ],
  };
}

export interface NoteView {
  note: Note;
  authorName: string;
  /** Links typed in the note are clickable only when its author is HR (markup `userText`). */
  authorIsHr: boolean;
  employeeName: string;
  kpiNames: string[];
  names: (id: string) => string;
  ack: Acknowledgment | null;
  zone: string;
}

/** The note's content blocks, shared by the DM and the record view. */
export function noteBlocks(t: T, v: NoteView): Block[] {
  const n = v.note;
  const blocks: Block[] = [
    {
      type: 'context',
      text: t('ev.note.line', { date: n.heldOn, kind: t(`ev.noteKind.${n.kind}`), author: literal(v.authorName) }),
    },
    { type: 'text', text: userText(n.discussion, { linksClickable: v.authorIsHr }) },
    ...termBlocks(t, n.kind, n.terms ?? {}),
  ];
  if (v.kpiNames.length)
    blocks.push({
      type: 'fields',
      fields: [{ label: t('ev.note.kpis'), value: v.kpiNames.map(literal).join(t('common.listSep')) }],
    });
  if (n.actions.length) {
    const lines = n.actions.map((a) =>
      t('ev.note.actionLine', {
        description: userText(a.description, { linksClickable: v.authorIsHr }),
        owner: literal(v.names(a.ownerId)),
        due: a.dueOn,
      }),
    );
    blocks.push({ type: 'text', text: [t('ev.note.actionsHeader'), ...lines].join('\n') });
  }
  if (n.nextCheckIn)
    blocks.push({ type: 'fields', fields: [{ label: t('ev.note.nextCheckIn'), value: n.nextCheckIn }] });
  if (n.visibility === 'private') blocks.push({ type: 'context', text: t('ev.note.privateTag') });
  else blocks.push({ type: 'context', text: responseLine(t, v.ack, v.employeeName, v.names, v.zone) });
  return blocks;
}

/** The DM the employee gets; once they respond, the same builder renders it without buttons. */
export function buildNoteMessage(t: T, v: NoteView): Message {
  const title = t('ev.note.dmTitle', { author: literal(v.authorName) });
  const blocks: Block[] = [{ type: 'header', text: title }, ...noteBlocks(t, v)];
  if (v.note.visibility === 'evidence' && !v.ack) blocks.push({ type: 'text', text: t('ev.note.evidenceHint') });
  if (!v.ack) {
    blocks.push({
      type: 'actions',
      buttons: [
        {
          actionId: ACTIONS.acknowledgeNote,
          label: t('ev.ack.acknowledge'),
          value: String(v.note.id),
          style: 'primary',
        },
        { actionId: ACTIONS.disputeNote, label: t('ev.ack.dispute'), value: String(v.note.id) },
      ],
    });
  }
  return { text: title, blocks, ...(v.ack ? {} : { lasting: true as const }) };
}
