/**
 * `/dandang audit @person` (HR only): who opened the person's record view, their cases and their
 * dossiers, from the audit log. Looking is itself a read, recorded before the list is read, so it
 * shows at the top of the next answer.
 */
import { ok, fail, type Result } from '../result.js';
import type { Message } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { isHr } from '../../domain/people.js';
import { buildRecordReads } from '../../ui/screens/security/record-reads.js';
import { tFor, zoneOf } from '../shared/people.js';

export const RECORD_READS_SHOWN = 50;

export interface ListRecordReadsInput {
  actorId: string;
  personId: string | undefined;
}

export const makeListRecordReads =
  ({ store, settings }: UseCaseDeps) =>
  (input: ListRecordReadsInput): Result<Message> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!isHr(actor)) return fail('NOT_AUTHORIZED', t('sec.reads.hrOnly'));
      if (!input.personId) return fail('INVALID_INPUT', t('sec.reads.usage'));
      const person = tx.org.person(input.personId);
      if (!person) return fail('NOT_FOUND', t('common.unknownPerson'));
      tx.audit.record({
        actorId: actor!.id,
        action: 'read.reads',
        subjectType: 'person',
        subjectId: person.id,
        detail: {},
      });
      return ok(
        buildRecordReads(t, {
          personName: person.name,
          reads: tx.audit.readsOf(person.id, RECORD_READS_SHOWN),
          zone: zoneOf(actor, settings),
          names: (id) => tx.org.person(id)?.name ?? id,
        }),
      );
    });
