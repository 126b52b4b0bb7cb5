/**
 * Forms of the offboarding area: a step that records something (a date, the notice paid in lieu,
 * a release, a hearing invitation, an appeal), withdraw, protected status. Each step form says
 * what submitting it will do: the form is the step's "are you sure?".
 */
import type { Form, Input, Message, Option } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { ACTIONS, FORMS } from '../../actions.js';
import type { Step } from '../../../domain/policy/index.js';
import type { Locale } from '../../../ports/records.js';
import { stepLabel, statusLabel } from './labels.js';
import { followUpValue } from '../evidence/follow-ups.js';
import { literal } from '../../markup.js';
import { TEXT_LIMITS } from '../../../domain/text.js';

export interface StepFormData {
  caseId: number;
  step: Step;
  employeeName: string;
  today: string;
  /** The notice step, paid in lieu: the previous month's wage on record, if any. */
  lieu?: { previousMonthWage: number | null };
}

/** One character is a query: a Chinese surname, or the first letter of a name. */
const HEARER_MIN_QUERY = 1;

function stepInputs(t: T, d: StepFormData): Input[] {
  const yesNo: Option[] = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  switch (d.step.input) {
    case 'release':
      return [
        {
          id: 'proposed_by',
          kind: 'select',
          label: t('off.stepForm.proposedBy'),
          options: [
            { value: 'employer', label: t('gate.proposer.employer') },
            { value: 'employee', label: t('gate.proposer.employee') },
          ],
        },
        {
          id: 'release',
          kind: 'text',
          multiline: true,
          label: t('off.stepForm.release'),
          maxLength: TEXT_LIMITS.long,
        },
        {
          id: 'no_coercion',
          kind: 'select',
          label: t('off.stepForm.noCoercion'),
          hint: t('off.stepForm.mustConfirm'),
          options: yesNo,
        },
      ];
    case 'notice':
      return [
        {
          id: 'previous_month_wage',
          kind: 'number',
          decimal: true,
          min: 0,
          label: t('off.stepForm.previousMonthWage'),
          hint: t('off.stepForm.previousMonthWageHint'),
          ...(d.lieu?.previousMonthWage != null ? { initial: String(d.lieu.previousMonthWage) } : {}),
        },
      ];
    case 'hearing':
      return [
        { id: 'date', kind: 'date', label: t('off.stepForm.hearingDate'), initial: d.today },
        {
          id: 'accompanied',
          kind: 'select',
          label: t('off.stepForm.accompanied', { name: literal(d.employeeName) }),
          hint: t('off.stepForm.mustConfirm'),
          options: yesNo,
        },
      ];
    case 'appeal':
      return [
        {
          id: 'outcome',
          kind: 'select',
          label: t('off.stepForm.appealOutcome'),
          options: (['upheld', 'overturned', 'not_lodged'] as const).map((o) => ({
            value: o,
            label: t(`off.appeal.${o}`),
          })),
        },
        {
          id: 'heard_by',
          kind: 'select',
          label: t('off.stepForm.heardBy'),
          hint: t('off.stepForm.heardByHint'),
          optional: true,
          people: true,
          // Every eligible person of the organisation: searched as the person types, never listed.
          options: [],
          placeholder: t('off.stepForm.heardBySearch'),
          search: { minQueryLength: HEARER_MIN_QUERY },
        },
        { id: 'date', kind: 'date', label: t('off.stepForm.date'), initial: d.today },
      ];
    default:
      return [{ id: 'date', kind: 'date', label: t('off.stepForm.date'), initial: d.today }];
  }
}

export function buildStepForm(t: T, locale: Locale, d: StepFormData): Form {
  const what = d.lieu ? 'notice_in_lieu' : d.step.id;
  const intro = t(`off.stepForm.intro.${d.step.input}`, {
    name: literal(d.employeeName),
    step: literal(stepLabel(t, locale, d.step)),
  });
  return {
    formId: FORMS.caseStep,
    title: literal(stepLabel(t, locale, d.step)),
    submitLabel: t('common.submit'),
    cancelLabel: t('common.cancel'),
    state: `${d.caseId}:${d.step.id}${d.lieu ? ':lieu' : ''}`,
    intro: [
      {
        type: 'text',
        text: what === 'notice_in_lieu' ? t('gate.confirm.notice_in_lieu', { name: literal(d.employeeName) }) : intro,
      },
    ],
    inputs: stepInputs(t, d),
  };
}

export function buildWithdrawForm(t: T, caseId: number): Form {
  return {
    formId: FORMS.caseWithdraw,
    title: t('off.withdraw.title', { id: caseId }),
    submitLabel: t('off.withdraw.submit'),
    cancelLabel: t('common.cancel'),
    state: String(caseId),
    inputs: [
      { id: 'reason', kind: 'text', multiline: true, label: t('off.withdraw.reason'), maxLength: TEXT_LIMITS.long },
    ],
  };
}

export function buildProtectedStatusForm(t: T, personId: string, kinds: string[], today: string): Form {
  return {
    formId: FORMS.protectedStatus,
    title: t('off.protect.title'),
    submitLabel: t('common.submit'),
    cancelLabel: t('common.cancel'),
    state: personId,
    inputs: [
      {
        id: 'kind',
        kind: 'select',
        label: t('off.protect.kind'),
        options: kinds.map((k) => ({ value: k, label: literal(statusLabel(t, k)) })),
      },
      { id: 'from', kind: 'date', label: t('off.protect.from'), initial: today },
      { id: 'to', kind: 'date', label: t('off.protect.to'), optional: true },
      {
        id: 'citation',
        kind: 'text',
        label: t('off.protect.citation'),
        hint: t('off.protect.citationHint'),
        optional: true,
        maxLength: TEXT_LIMITS.line,
      },
      { id: 'note', kind: 'text', label: t('off.protect.note'), optional: true, maxLength: TEXT_LIMITS.line },
    ],
  };
}

/** A plain text message (thread replies). */
export const textMessage = (text: string): Message => ({ text, blocks: [{ type: 'text', text }] });

/**
 * The explanation of Guiding Case No. 18 when a reason cites only a ranking, with the buttons it
 * suggests: plan training on the missed KPIs, record a conversation.
 */
export function buildRankingExplanation(
  t: T,
  employee: { id: string; name: string },
  missedKpiKeys: string[],
): Message {
  const text = t('off.ranking', { name: literal(employee.name) });
  const value = followUpValue(employee.id, missedKpiKeys);
  return {
    text,
    blocks: [
      { type: 'text', text },
      {
        type: 'actions',
        buttons: [
          { actionId: ACTIONS.promptTrainingPlan, label: t('off.btn.planTraining'), value, style: 'primary' },
          { actionId: ACTIONS.promptConversation, label: t('off.btn.addConversation'), value },
        ],
      },
    ],
  };
}
