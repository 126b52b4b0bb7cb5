/** Forms of the offboarding area: a step that records a date or a release, withdraw, protected status. */
import type { Form, Message } from '../../model.js';
import type { T } from '../../i18n/index.js';
import { FORMS } from '../../actions.js';
import type { Step } from '../../../domain/policy/index.js';
import type { Locale } from '../../../ports/records.js';
import { stepLabel } from './labels.js';

export function buildStepForm(t: T, locale: Locale, caseId: number, step: Step, today: string): Form {
  const inputs: Form['inputs'] =
    step.input === 'release'
      ? [
          { id: 'release', kind: 'text', multiline: true, label: t('off.stepForm.release') },
          {
            id: 'no_coercion',
            kind: 'select',
            label: t('off.stepForm.noCoercion'),
            hint: t('off.stepForm.mustConfirm'),
            options: [
              { value: 'yes', label: t('common.yes') },
              { value: 'no', label: t('common.no') },
            ],
          },
        ]
      : [{ id: 'date', kind: 'date', label: t('off.stepForm.date'), initial: today }];
  return {
    formId: FORMS.caseStep,
    title: stepLabel(t, locale, step),
    submitLabel: t('common.submit'),
    cancelLabel: t('common.cancel'),
    state: `${caseId}:${step.id}`,
    inputs,
  };
}

export function buildWithdrawForm(t: T, caseId: number): Form {
  return {
    formId: FORMS.caseWithdraw,
    title: t('off.withdraw.title', { id: caseId }),
    submitLabel: t('off.withdraw.submit'),
    cancelLabel: t('common.cancel'),
    state: String(caseId),
    inputs: [{ id: 'reason', kind: 'text', multiline: true, label: t('off.withdraw.reason') }],
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
        options: kinds.map((k) => ({ value: k, label: k.replace(/_/g, ' ') })),
      },
      { id: 'from', kind: 'date', label: t('off.protect.from'), initial: today },
      { id: 'to', kind: 'date', label: t('off.protect.to'), optional: true },
      { id: 'note', kind: 'text', label: t('off.protect.note'), optional: true },
    ],
  };
}

/** A plain text message (thread replies, the ranking explanation). */
export const textMessage = (text: string): Message => ({ text, blocks: [{ type: 'text', text }] });
