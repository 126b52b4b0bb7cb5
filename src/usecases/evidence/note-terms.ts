/** Reads and checks the terms a note states (a PIP's length, a review period, a hearing) from its form. */
import type { NoteKind } from '../../ports/repos/evidence.js';
import type { NoteTerms } from '../../domain/policy/facts.js';
import type { FormValues } from '../../ui/model.js';
import type { T } from '../../ui/i18n/index.js';
import { dateError } from '../shared/date-errors.js';
import { isChecked, textValue } from '../../ui/form-values.js';
import { PIP_LENGTHS } from '../../ui/screens/evidence/note-terms.js';

export function readNoteTerms(
  t: T,
  kind: NoteKind,
  v: FormValues,
  today: string,
  errors: Record<string, string>,
): NoteTerms {
  switch (kind) {
    case 'pip_kickoff': {
      const days = Number(textValue(v, 'pip_days'));
      if (!(PIP_LENGTHS as readonly number[]).includes(days)) errors.pip_days = t('ev.terms.pipDaysRequired');
      return { pipDays: days };
    }
    case 'improvement_note':
    case 'first_written_warning':
    case 'final_written_warning': {
      const days = Number(textValue(v, 'review_period_days'));
      if (!Number.isInteger(days) || days < 1) errors.review_period_days = t('ev.terms.reviewPeriodRequired');
      return {
        reviewPeriodDays: days,
        ...(kind === 'final_written_warning' ? { dismissalRisk: isChecked(v, 'dismissal_risk') } : {}),
      };
    }
    case 'hearing_invitation': {
      const stage = textValue(v, 'stage');
      if (!['improvement_note', 'first_written_warning', 'final_written_warning'].includes(stage))
        errors.stage = t('common.required');
      const hearingOn = textValue(v, 'hearing_on');
      const problem = dateError(t, 'hearingOn', hearingOn, today);
      if (problem) errors.hearing_on = problem;
      return { stage, hearingOn, accompanied: isChecked(v, 'accompanied') };
    }
    default:
      return {};
  }
}
