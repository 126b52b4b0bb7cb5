/**
 * `/dandang handbook @person` (HR): sends the current handbook to the person, with Acknowledge and
 * Dispute. Their answer is the proof that they knew the rules (an Art. 39 case needs it).
 */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { isHr } from '../../domain/people.js';
import { tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { handbookMessage } from './conduct-messages.js';

export interface SendHandbookInput {
  actorId: string;
  personId: string | undefined;
}

export const makeSendHandbook =
  ({ store, settings }: UseCaseDeps) =>
  (input: SendHandbookInput): Result<{ version: number; confirmation: string }> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!isHr(actor)) return fail('NOT_AUTHORIZED', t('conduct.handbook.hrOnly'));
      const person = input.personId ? tx.org.person(input.personId) : null;
      if (!person?.active) return fail('NOT_FOUND', t('common.unknownPerson'));
      const version = tx.conduct.handbookVersion();
      if (version === 0) return fail('CONFLICT', t('conduct.handbook.none'));
      tx.outbox.post({
        key: outboxKeys.handbook(version, person.id),
        to: { person: person.id },
        message: handbookMessage(tx, settings, version, person.id),
      });
      tx.audit.record({
        actorId: actor!.id,
        action: 'handbook.sent',
        subjectType: 'person',
        subjectId: person.id,
        detail: { version },
      });
      return ok({ version, confirmation: t('conduct.handbook.sent', { version, name: person.name }) });
    });
