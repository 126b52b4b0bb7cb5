/**
 * Withdraw: closes a case at any point, with a reason. HR or the employee's own manager. The form
 * comes from `open-withdraw-form.ts`; this submit is where the actor is authorized. A refusal of
 * someone with no part in the case goes to the security log, not the case's history.
 */
import { ok, fail, type Result } from '../result.js';
import { textMessage } from '../../ui/screens/offboarding/forms.js';
import { mention } from '../../ui/screens/offboarding/labels.js';
import { translator } from '../../ui/i18n/index.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { hasPartInCase, relationOf } from './gate-inputs.js';
import { logSecurityRefusal } from '../shared/security-log.js';
import { caseView } from './case-view.js';
import { publishCase } from './publish-case.js';
import { literal } from '../../ui/markup.js';
import { textError } from '../shared/text-errors.js';
import { hrChannelLocale } from '../shared/channels.js';

export interface WithdrawCaseInput {
  actorId: string;
  caseId: number;
  reason: string;
}

export const makeWithdrawCase =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: WithdrawCaseInput): Result<{ confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const c = Number.isInteger(input.caseId) ? tx.cases.get(input.caseId) : null;
      if (!actor || !c) return fail('NOT_FOUND', t('off.dossier.notFound'));
      const employee = tx.org.person(c.employeeId);
      const rel = employee ? relationOf(actor, employee) : { isHr: false, isManager: false };
      if (!rel.isHr && !rel.isManager) {
        // A stranger's attempt (a tampered or forwarded button) is not part of the case's story.
        if (!hasPartInCase(actor, c, employee)) {
          logSecurityRefusal(tx, clock.now(), {
            actorId: actor.id,
            action: 'case.withdraw_refused',
            detail: { caseId: c.id, code: 'NOT_AUTHORIZED' },
          });
          return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
        }
        tx.audit.record({
          actorId: actor.id,
          action: 'case.withdraw_refused',
          subjectType: 'case',
          subjectId: c.id,
          detail: { reason: 'not_authorized' },
        });
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      }
      if (c.status !== 'open') return fail('CONFLICT', t('off.missing.closed'));
      const reason = input.reason.trim();
      const reasonError = reason ? textError(t, input.reason, 'long') : t('common.required');
      if (reasonError) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: { reason: reasonError } });

      const now = clock.now();
      tx.cases.update(c.id, { status: 'withdrawn', closedAt: now });
      tx.cases.addEvent({
        caseId: c.id,
        step: 'withdrawn',
        actorId: actor.id,
        outcome: 'withdrawn',
        detail: { reason },
      });
      tx.audit.record({
        actorId: actor.id,
        action: 'case.withdrawn',
        subjectType: 'case',
        subjectId: c.id,
        text: { reason },
      });
      const hrLocale = hrChannelLocale(tx, settings);
      const ht = translator(hrLocale);
      tx.outbox.post({
        key: outboxKeys.caseWithdrawn(c.id),
        to: { channel: settings.hrChannel },
        threadKey: outboxKeys.caseRoot(c.id),
        locale: hrLocale,
        message: textMessage(ht('off.thread.withdrawn', { who: mention(actor.id), reason: literal(reason) })),
      });
      publishCase(tx, caseView(tx, tx.cases.get(c.id)!, now), settings);
      return ok({ confirmation: t('off.withdraw.ok', { id: c.id }) });
    });
