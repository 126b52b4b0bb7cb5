/**
 * `/dandang protect @person` with nothing else: HR gets the form, with the kinds the policy in force
 * knows. The form is submitted to `record-protected-status.ts`.
 */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { dateIn } from '../../domain/dates.js';
import { isHr } from '../../domain/people.js';
import { buildProtectedStatusForm } from '../../ui/screens/offboarding/forms.js';
import { tFor } from '../shared/people.js';
import { statusLabel } from '../../ui/screens/offboarding/labels.js';
import { currentPolicy, protectedKinds } from './policy.js';

export interface OpenProtectedStatusFormInput {
  actorId: string;
  personId: string | undefined;
}

export const makeOpenProtectedStatusForm =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: OpenProtectedStatusFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!isHr(actor)) return fail('NOT_AUTHORIZED', t('off.protect.hrOnly'));
      const kinds = protectedKinds(currentPolicy(settings));
      const person = input.personId ? tx.org.person(input.personId) : null;
      if (!person)
        return fail(
          'INVALID_INPUT',
          t('off.protect.usage', { kinds: kinds.map((k) => statusLabel(t, k)).join(t('common.listSep')) }),
        );
      return ok(buildProtectedStatusForm(t, person.id, kinds, dateIn(clock.now(), settings.timezone)));
    });
