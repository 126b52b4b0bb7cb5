/** The employee's "Give my written statement" button on an incident about them. */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Form } from '../../ui/model.js';
import { buildStatementForm } from '../../ui/screens/evidence/conduct.js';
import { tFor } from '../shared/people.js';

export const makeOpenStatementForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: { actorId: string; incidentId: number }): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const incident = Number.isInteger(input.incidentId) ? tx.conduct.incident(input.incidentId) : null;
      // Only the person the incident is about answers it; to anyone else it does not exist.
      if (!actor?.active || !incident || incident.personId !== actor.id) return fail('NOT_FOUND', t('common.notFound'));
      if (tx.acks.find('incident', String(incident.id), actor.id)) return fail('CONFLICT', t('ev.err.answered'));
      return ok(buildStatementForm(t, incident.id));
    });
