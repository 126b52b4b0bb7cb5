/** `/dandang handbook` with no one named: HR gets the form to add a handbook section. */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { isHr } from '../../domain/people.js';
import { buildHandbookSectionForm } from '../../ui/screens/evidence/conduct.js';
import { tFor } from '../shared/people.js';

export const makeOpenHandbookForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: { actorId: string }): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!isHr(actor)) return fail('NOT_AUTHORIZED', t('conduct.handbook.hrOnly'));
      return ok(buildHandbookSectionForm(t));
    });
