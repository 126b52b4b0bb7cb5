/**
 * Scheduler tick: when a training session's sign-in window opens, DM the employee a Sign in
 * (签到) button (key `training-session:<id>:sign-in`). Returns how many prompts were queued.
 */
import type { UseCaseDeps } from '../../ports/deps.js';
import { SIGN_IN_OPENS_BEFORE_MS } from '../../domain/evidence-rules.js';
import { buildSignInPrompt } from '../../ui/screens/evidence/training.js';
import { tFor, zoneOf } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';

export const makePromptSessionSignIns =
  ({ store, clock, settings }: UseCaseDeps) =>
  (): number =>
    store.tx((tx) => {
      let queued = 0;
      for (const s of tx.evidence.sessionsToPrompt(clock.now(), SIGN_IN_OPENS_BEFORE_MS)) {
        const plan = tx.evidence.plan(s.planId);
        const person = plan ? tx.org.person(plan.personId) : null;
        tx.evidence.markSessionPrompted(s.id);
        // Missed while the bot was down, or the plan is closed: nothing to sign in to any more.
        if (s.endsAt <= clock.now() || plan?.status !== 'active') continue;
        if (!person || !person.active) continue;
        const signedIn = tx.evidence.attendanceFor([s.id]).some((a) => a.personId === person.id);
        if (signedIn) continue;
        if (
          tx.outbox.post({
            key: outboxKeys.sessionSignIn(s.id),
            to: { person: person.id },
            message: buildSignInPrompt(tFor(person, settings), s, zoneOf(person, settings), null),
          })
        )
          queued++;
        tx.audit.record({
          actorId: null,
          action: 'training.sign_in_prompt',
          subjectType: 'training_session',
          subjectId: s.id,
          detail: { personId: person.id },
        });
      }
      return queued;
    });
