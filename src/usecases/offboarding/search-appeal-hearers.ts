/**
 * The suggestions of the appeal step's "Heard by" field as the person types: the people who may
 * hear the appeal (./hearers.ts) whose name, email or department matches, at most a hundred.
 * Only someone who may record the appeal now gets any; the form state naming the case is untrusted.
 * It reads only, like opening the form (`askStepGate`): a refusal here is not recorded, so a person
 * typing is not an audit row per key; the submit asks the gate again and records a refused attempt.
 */
import { fail, ok, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Option } from '../../ui/model.js';
import { askStepGate, type StepRequest } from './step-gate.js';
import { eligibleHearers, suggestHearers } from './hearers.js';
import { buildHearerOptions } from '../../ui/screens/offboarding/hearers.js';

/** Longer than any name or email: the rest of a pasted text is not searched. */
const MAX_QUERY = 100;

export interface SearchAppealHearersInput extends StepRequest {
  query: string;
}

export const makeSearchAppealHearers =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: SearchAppealHearersInput): Result<Option[]> =>
    store.read((tx) => {
      const gate = askStepGate(tx, settings, clock.now(), input);
      if (!gate.ok) return gate;
      const { t, c, employee, decision } = gate;
      if (decision.step.input !== 'appeal') return fail('NOT_FOUND', t('common.notFound'));
      const eligible = eligibleHearers(tx, c, employee, tx.cases.evidenceFacts(c.employeeId));
      const query = [...input.query].slice(0, MAX_QUERY).join('');
      return ok(buildHearerOptions(t, suggestHearers(eligible, query)));
    });
