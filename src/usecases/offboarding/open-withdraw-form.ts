/**
 * The Withdraw button on a case message opens the reason form. The form shows nothing about the
 * case beyond the id on the button, so it is open to any known person; `withdraw-case.ts`
 * authorizes the submit from the db (HR or the employee's own manager, case still open).
 */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { buildWithdrawForm } from '../../ui/screens/offboarding/forms.js';
import { tFor } from '../shared/people.js';

export interface OpenWithdrawFormInput {
  actorId: string;
  caseId: number;
}

export const makeOpenWithdrawForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenWithdrawFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      // A tampered button value names no case: say so now rather than after the reason is typed.
      if (!actor || !Number.isInteger(input.caseId)) return fail('NOT_FOUND', t('off.dossier.notFound'));
      return ok(buildWithdrawForm(t, input.caseId));
    });
