/**
 * A click on a step that records a date or a release opens its form, but only if the gate would
 * let this person complete it now; otherwise the click is refused and audited like any other.
 * The form is submitted to `advance-case-step.ts`.
 */
import { ok, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { dateIn } from '../../domain/dates.js';
import { buildStepForm } from '../../ui/screens/offboarding/forms.js';
import { passStepGate, type StepRequest } from './step-gate.js';

export type OpenCaseStepFormInput = StepRequest;

export const makeOpenCaseStepForm =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: OpenCaseStepFormInput): Result<Form> =>
    store.tx((tx) => {
      const now = clock.now();
      const gate = passStepGate(tx, settings, now, input);
      if (!gate.ok) return gate;
      return ok(buildStepForm(gate.t, gate.locale, gate.c.id, gate.decision.step, dateIn(now, settings.timezone)));
    });
