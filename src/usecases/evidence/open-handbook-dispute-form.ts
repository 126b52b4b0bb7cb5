/** The employee's Dispute button on the handbook sent to them: the form for their comment. */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { buildHandbookDisputeForm } from '../../ui/screens/evidence/conduct.js';
import { tFor } from '../shared/people.js';

export const makeOpenHandbookDisputeForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: { actorId: string; version: number }): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const known =
        Number.isInteger(input.version) && input.version >= 1 && input.version <= tx.conduct.handbookVersion();
      if (!actor?.active || !known) return fail('NOT_FOUND', t('common.notFound'));
      if (tx.acks.find('handbook', String(input.version), actor.id)) return fail('CONFLICT', t('ev.err.answered'));
      return ok(buildHandbookDisputeForm(t, input.version));
    });
