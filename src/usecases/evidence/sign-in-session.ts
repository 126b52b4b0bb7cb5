/**
 * The employee's Sign in (签到) button for a training session. Accepted only inside the session's
 * window (src/domain/evidence-rules.ts) and only from the employee the plan is for.
 */
import { ok, fail, type Result } from '../result.js';
import type { Person } from '../../ports/records.js';
import type { Attendance } from '../../ports/repos/evidence.js';
import { canSignInAt, signInWindow } from '../../domain/evidence-rules.js';
import { buildSignInPrompt, timeIn } from '../../ui/screens/evidence/training.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { signInKey } from './evidence-messages.js';
import { may, tFor, zoneOf, type EvidenceDeps } from './evidence-support.js';

export const makeSignInSession =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: { actor: Person; sessionId: number }): Result<Attendance> =>
    store.tx((tx) => {
      const t = tFor(input.actor, settings);
      const session = tx.evidence.session(input.sessionId);
      const plan = session ? tx.evidence.plan(session.planId) : null;
      if (!session || !plan) return fail('NOT_FOUND', t('common.notFound'));
      if (!may(tx, input.actor, plan.personId, 'create', 'sign_in'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const now = clock.now();
      const zone = zoneOf(input.actor, settings);
      if (!canSignInAt(session, now)) {
        const w = signInWindow(session);
        return fail('BLOCKED', t('ev.err.signInWindow', { from: timeIn(w.opens, zone), to: timeIn(w.closes, zone) }), {
          detail: w,
        });
      }
      const res = tx.evidence.recordAttendance({
        sessionId: session.id,
        personId: plan.personId,
        status: 'present',
        method: 'sign_in',
        reason: null,
        recordedBy: input.actor.id,
      });
      if (!res) return fail('CONFLICT', t('ev.err.signedIn'));
      tx.audit.record({
        actorId: input.actor.id,
        action: 'training.sign_in',
        subjectType: 'training_session',
        subjectId: session.id,
        detail: { planId: plan.id, personId: plan.personId, at: now },
      });
      tx.outbox.update(signInKey(session.id), buildSignInPrompt(t, session, zone, now));
      refreshOpenCases(tx, plan.personId, { settings, now });
      return ok(res.row);
    });
