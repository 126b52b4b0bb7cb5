/** The employee's response (acknowledge / dispute / witnessed refusal), as lines and forms. */
import type { Acknowledgment, AckSubject } from '../../../ports/records.js';
import type { Block, Form, Option } from '../../model.js';
import { FORMS } from '../../actions.js';
import type { T } from '../../i18n/index.js';
import { wallTimeAt, dateOf } from '../../../domain/zoned-time.js';
import { literal } from '../../markup.js';
import { TEXT_LIMITS } from '../../../domain/text.js';

export const dateIn = (instant: number, zone: string): string => dateOf(wallTimeAt(instant, zone));

/** One line saying where the response stands; `names` resolves person ids to display names. */
export function responseLine(
  t: T,
  ack: Acknowledgment | null,
  employeeName: string,
  names: (id: string) => string,
  zone: string,
): string {
  const name = literal(employeeName);
  if (!ack) return t('ev.ack.pending', { name });
  const date = dateIn(ack.createdAt, zone);
  if (ack.state === 'acknowledged') return t('ev.ack.acknowledged', { name, date });
  if (ack.state === 'disputed') return t('ev.ack.disputed', { name, date, comment: literal(ack.comment ?? '') });
  return t('ev.ack.refused', {
    name,
    date,
    witness: ack.witnessId ? literal(names(ack.witnessId)) : '?',
    by: literal(names(ack.recordedBy)),
  });
}

/** Records HR can mark as refused before a witness. */
export type RefusableSubject = 'note' | 'training_plan' | 'job_adjustment' | 'incident';

/** The untrusted state a dispute or refusal form carries: which record it answers. */
export const subjectState = (subjectType: AckSubject, subjectId: string | number): string =>
  `${subjectType}:${subjectId}`;
export function parseSubjectState(state: string): { subjectType: RefusableSubject; subjectId: number } | null {
  const m = /^(note|training_plan|job_adjustment|incident):(\d+)$/.exec(state);
  return m ? { subjectType: m[1] as 'note', subjectId: Number(m[2]) } : null;
}

export function buildDisputeForm(t: T, noteId: number, intro: Block[] = []): Form {
  return {
    formId: FORMS.disputeNote,
    title: t('ev.dispute.formTitle'),
    submitLabel: t('ev.dispute.submit'),
    cancelLabel: t('common.cancel'),
    state: String(noteId),
    intro,
    inputs: [
      { id: 'comment', kind: 'text', multiline: true, label: t('ev.dispute.comment'), maxLength: TEXT_LIMITS.long },
    ],
  };
}

export function buildRefusalForm(
  t: T,
  subject: { type: RefusableSubject | 'handbook'; id: number },
  employeeName: string,
  witnesses: Option[],
): Form {
  return {
    formId: FORMS.recordRefusal,
    title: t('ev.refusal.formTitle'),
    submitLabel: t('common.submit'),
    cancelLabel: t('common.cancel'),
    state: subjectState(subject.type, subject.id),
    intro: [{ type: 'text', text: t('ev.refusal.intro', { name: literal(employeeName) }) }],
    inputs: [
      {
        id: 'witness',
        kind: 'select',
        people: true,
        label: t('ev.refusal.witness'),
        options: witnesses.map((o) => ({ ...o, label: literal(o.label) })),
      },
      {
        id: 'comment',
        kind: 'text',
        multiline: true,
        optional: true,
        label: t('ev.refusal.comment'),
        maxLength: TEXT_LIMITS.long,
      },
    ],
  };
}
