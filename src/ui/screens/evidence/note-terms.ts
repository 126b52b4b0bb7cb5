/**
 * Notes that state something the gate reads beyond their text: a PIP kickoff states its length; an
 * improvement note or warning its review period (a final written warning also that dismissal may
 * follow); a hearing invitation the stage, the date and the right to be accompanied. Each is opened
 * with a word after `/note @person` (`/note @bo pip`), so its form asks exactly for its terms.
 */
import type { Block, Input, Option } from '../../model.js';
import type { T } from '../../i18n/index.js';
import type { NoteKind } from '../../../ports/repos/evidence.js';
import type { NoteTerms } from '../../../domain/policy/facts.js';

/** Kinds the plain `/note @person` form offers: their text is all they state. */
export const PLAIN_NOTE_KINDS: readonly NoteKind[] = ['one_on_one', 'feedback', 'formal_warning', 'pip_check_in'];

/** Kinds with terms, each opened by a word (English or Chinese) after the mention. */
export const TERMED_NOTE_KINDS: readonly NoteKind[] = [
  'pip_kickoff',
  'improvement_note',
  'first_written_warning',
  'final_written_warning',
  'hearing_invitation',
];

export const NOTE_KIND_WORDS: Record<string, NoteKind> = {
  pip: 'pip_kickoff',
  改进计划: 'pip_kickoff',
  checkin: 'pip_check_in',
  'check-in': 'pip_check_in',
  跟进: 'pip_check_in',
  improvement: 'improvement_note',
  改进通知: 'improvement_note',
  warning: 'first_written_warning',
  警告: 'first_written_warning',
  final: 'final_written_warning',
  最终警告: 'final_written_warning',
  hearing: 'hearing_invitation',
  听证: 'hearing_invitation',
};

export const PIP_LENGTHS = [30, 60, 90] as const;
export const DEFAULT_REVIEW_PERIOD_DAYS = 90;
const HEARING_STAGES: NoteKind[] = ['improvement_note', 'first_written_warning', 'final_written_warning'];

const yesNo = (t: T): Option[] => [
  { value: 'yes', label: t('common.yes') },
  { value: 'no', label: t('common.no') },
];

/** The inputs a kind's terms need, after the note's own. */
export function termInputs(t: T, kind: NoteKind | undefined, today: string): Input[] {
  switch (kind) {
    case 'pip_kickoff':
      return [
        {
          id: 'pip_days',
          kind: 'select',
          label: t('ev.terms.pipDays'),
          options: PIP_LENGTHS.map((d) => ({ value: String(d), label: t('ev.terms.days', { days: d }) })),
        },
      ];
    case 'improvement_note':
    case 'first_written_warning':
    case 'final_written_warning':
      return [
        {
          id: 'review_period_days',
          kind: 'number',
          min: 1,
          label: t('ev.terms.reviewPeriod'),
          initial: String(DEFAULT_REVIEW_PERIOD_DAYS),
        },
        ...(kind === 'final_written_warning'
          ? [{ id: 'dismissal_risk', kind: 'select' as const, label: t('ev.terms.dismissalRisk'), options: yesNo(t) }]
          : []),
      ];
    case 'hearing_invitation':
      return [
        {
          id: 'stage',
          kind: 'select',
          label: t('ev.terms.stage'),
          options: HEARING_STAGES.map((k) => ({ value: k, label: t(`ev.noteKind.${k}`) })),
        },
        { id: 'hearing_on', kind: 'date', label: t('ev.terms.hearingOn'), initial: today },
        { id: 'accompanied', kind: 'select', label: t('ev.terms.accompanied'), options: yesNo(t) },
      ];
    default:
      return [];
  }
}

/** What the employee reads about the terms, under the note's text. */
export function termBlocks(t: T, kind: NoteKind, terms: NoteTerms): Block[] {
  const fields: { label: string; value: string }[] = [];
  if (terms.pipDays) fields.push({ label: t('ev.terms.pipDays'), value: t('ev.terms.days', { days: terms.pipDays }) });
  if (terms.reviewPeriodDays)
    fields.push({ label: t('ev.terms.reviewPeriod'), value: t('ev.terms.days', { days: terms.reviewPeriodDays }) });
  if (terms.stage) fields.push({ label: t('ev.terms.stage'), value: t(`ev.noteKind.${terms.stage as NoteKind}`) });
  if (terms.hearingOn) fields.push({ label: t('ev.terms.hearingOn'), value: terms.hearingOn });
  const blocks: Block[] = fields.length ? [{ type: 'fields', fields }] : [];
  if (kind === 'final_written_warning' && terms.dismissalRisk)
    blocks.push({ type: 'text', text: t('ev.terms.dismissalRiskText') });
  if (kind === 'hearing_invitation' && terms.accompanied)
    blocks.push({ type: 'text', text: t('ev.terms.accompaniedText') });
  return blocks;
}
