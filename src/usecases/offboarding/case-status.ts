/**
 * `/offboard status` (HR): open cases with their age and what each really waits on: missing
 * evidence and who must supply it, a protected status, or a step and the person who must take it.
 */
import { ok, fail, type Result } from '../result.js';
import { canAdvance, waitingOn } from '../../domain/policy/advance.js';
import { evaluateEvidence } from '../../domain/policy/index.js';
import { buildCaseStatus, type OpenCaseLine } from '../../ui/screens/offboarding/status.js';
import { pathLabel, stepLabel } from '../../ui/screens/offboarding/labels.js';
import { missingLines, waitingWho } from '../../ui/screens/offboarding/gate-text.js';
import type { Message } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { DAY_MS } from '../../domain/dates.js';
import { isHr } from '../../domain/people.js';
import { localeOf, tFor } from '../shared/people.js';
import { policyOf } from './policy.js';
import { stateOf } from './gate-inputs.js';
import { gateTextFor } from './refusal.js';

export const makeCaseStatus =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: { actorId: string }): Result<Message> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!isHr(actor)) return fail('NOT_AUTHORIZED', t('off.status.hrOnly'));
      const locale = localeOf(actor, settings);
      const now = clock.now();
      const lines: OpenCaseLine[] = tx.cases.open().map((c) => {
        const employee = tx.org.person(c.employeeId);
        // The list shows each case's state: a read of that person's case (`/dandang audit @person`).
        tx.audit.record({
          actorId: actor!.id,
          action: 'read.cases',
          subjectType: 'person',
          subjectId: c.employeeId,
          detail: { caseId: c.id },
        });
        const policy = policyOf(c);
        const state = stateOf(c);
        const evaluation = evaluateEvidence(policy, tx.cases.evidenceFacts(c.employeeId), now, c.reasonKind);
        const g = gateTextFor(tx, t, locale, c, evaluation);
        const w = waitingOn(policy, state);
        let waiting = '—';
        if (w) {
          // Ask the gate as whoever the step waits on would be: what stops them, if anything?
          const asRole = { personId: '', isManager: w.roles.includes('manager'), isHr: w.roles.includes('hr') };
          const d = canAdvance(policy, state, w.step.id, asRole, evaluation);
          const blocking = d.ok ? [] : d.missing.filter((m) => m.kind === 'evidence' || m.kind === 'blocker');
          if (blocking.some((m) => m.kind === 'blocker'))
            waiting = t('gate.status.blocked', {
              lines: missingLines(
                g,
                blocking.filter((m) => m.kind === 'blocker'),
              ).join(t('common.sentenceSep')),
            });
          else if (blocking.length)
            waiting = t('gate.status.evidence', { lines: missingLines(g, blocking).join(t('common.sentenceSep')) });
          else waiting = t('gate.status.step', { who: waitingWho(g, w.roles), step: stepLabel(t, locale, w.step) });
        }
        return {
          id: c.id,
          name: employee?.name ?? c.employeeId,
          path: pathLabel(t, locale, policy, c.reasonKind),
          days: Math.floor((now - c.openedAt) / DAY_MS),
          waiting,
        };
      });
      return ok(buildCaseStatus(t, lines));
    });
