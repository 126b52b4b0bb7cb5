/** The Mark attendance button on a training session: opens the present/absent form. */
import { ok, fail, type Result } from '../result.js';
import type { Form } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildMarkAttendanceForm } from '../../ui/screens/evidence/training.js';
import { tFor, zoneOf } from '../shared/people.js';
import { sessionToMark } from './attendance-access.js';

export interface OpenMarkAttendanceFormInput {
  actorId: string;
  sessionId: number;
}

export const makeOpenMarkAttendanceForm =
  ({ store, settings }: UseCaseDeps) =>
  (input: OpenMarkAttendanceFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const a = sessionToMark(tx, t, actor, input.sessionId);
      if ('ok' in a) return a;
      return ok(buildMarkAttendanceForm(t, a.session, a.employee.name, zoneOf(actor, settings)));
    });
