/**
 * A click on a step that records something (a date, a release, pay in lieu, a hearing invitation,
 * an appeal) opens its form, but only if the gate would let this person complete it now; otherwise
 * the click is refused in the gate's words. Opening a form takes no step, so it only reads: a
 * refusal here writes nothing. The form is submitted to `advance-case-step.ts`, which asks the gate
 * again and records a refused attempt (`step-gate.ts`). The appeal's hearer is searched as the
 * person types (`search-appeal-hearers.ts`), not listed here.
 */
import { ok, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { dateIn } from '../../domain/dates.js';
import { buildStepForm } from '../../ui/screens/offboarding/forms.js';
import { askStepGate, type StepRequest } from './step-gate.js';

export interface OpenCaseStepFormInput extends StepRequest {
  /** The notice step, paid in lieu of notice. */
  lieu?: boolean;
}

export const makeOpenCaseStepForm =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: OpenCaseStepFormInput): Result<Form> =>
    store.read((tx) => {
      const now = clock.now();
      const gate = askStepGate(tx, settings, now, input);
      if (!gate.ok) return gate;
      const { t, locale, c, employee, decision } = gate;
      return ok(
        buildStepForm(t, locale, {
          caseId: c.id,
          step: decision.step,
          employeeName: employee.name,
          today: dateIn(now, settings.timezone),
          ...(input.lieu && decision.step.input === 'notice'
            ? { lieu: { previousMonthWage: employee.previousMonthWage ?? null } }
            : {}),
        }),
      );
    });
