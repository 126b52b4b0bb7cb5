/**
 * The employee's Sign in (签到) button for a training session. Accepted only inside the session's
 * window (src/domain/evidence-rules.ts) and only from the employee the plan is for.
 */
import { ok, fail, type Result } from '../result.js';
import type { Attendance } from '../../ports/repos/evidence.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { canSignInAt, signInWindow } from '../../domain/evidence-rules.js';
import { buildSignInPrompt, timeIn } from '../../ui/screens/evidence/training.js';
import { refreshOpenCases } from '../offboarding/refresh-cases.js';
import { may } from '../shared/access.js';
import { tFor, zoneOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

export interface SignInSessionInput {
  actorId: string;
  sessionId: number;
}

export const makeSignInSession =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: SignInSessionInput): Result<{ attendance: Attendance; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const session = tx.evidence.session(input.sessionId);
      const plan = session ? tx.evidence.plan(session.planId) : null;
      if (!session || !plan) return fail('NOT_FOUND', t('common.notFound'));
      if (!may(tx, actor, plan.personId, 'create', 'sign_in')) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const now = clock.now();
      const zone = zoneOf(actor, settings);
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
        recordedBy: actor.id,
      });
      if (!res) return fail('CONFLICT', t('ev.err.signedIn'));
      tx.audit.record({
        actorId: actor.id,
        action: 'training.sign_in',
        subjectType: 'training_session',
        subjectId: session.id,
        detail: { planId: plan.id, personId: plan.personId, at: now },
      });
      tx.outbox.update(outboxKeys.sessionSignIn(session.id), buildSignInPrompt(t, session, zone, now));
      refreshOpenCases(tx, plan.personId, { settings, now });
      return ok({ attendance: res.row, confirmation: t('ev.ack.recorded') });
    });
