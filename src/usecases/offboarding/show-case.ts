/**
 * `/offboard case <id>`: the case card, fresh, to whoever may act on it: HR gets the HR channel's
 * card (every button), the employee's line manager gets their DM's card. The typed fallback of
 * every case button: a card too old to click (Feishu cards stop answering after 14 days) or lost in
 * a busy channel is one command away. A read of the person's case, audited like the case list.
 */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Message } from '../../ui/model.js';
import { isHr } from '../../domain/people.js';
import { buildCaseMessage, buildManagerCaseDm } from '../../ui/screens/offboarding/case-message.js';
import { localeOf, tFor } from '../shared/people.js';
import { caseView, screenContext } from './case-view.js';

export interface ShowCaseInput {
  actorId: string;
  caseId: number;
}

export const makeShowCase =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: ShowCaseInput): Result<Message> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      const c = Number.isInteger(input.caseId) ? tx.cases.get(input.caseId) : null;
      if (!actor || !c) return fail('NOT_FOUND', t('off.dossier.notFound'));
      const employee = tx.org.person(c.employeeId);
      const hr = isHr(actor);
      const manager = !!employee && employee.managerId === actor.id && actor.active;
      if (!hr && !manager) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      tx.audit.record({
        actorId: actor.id,
        action: 'read.cases',
        subjectType: 'person',
        subjectId: c.employeeId,
        detail: { caseId: c.id },
      });
      const view = caseView(tx, c, clock.now());
      const ctx = screenContext(localeOf(actor, settings), settings);
      return ok(hr ? buildCaseMessage(t, ctx, view) : buildManagerCaseDm(t, ctx, view));
    });
