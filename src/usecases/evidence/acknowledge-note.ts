import type { Person, Acknowledgment } from '../../ports/records.js';
import type { Result } from '../result.js';
import type { EvidenceDeps } from './evidence-support.js';
import { respondToRecord } from './evidence-respond.js';

/** The employee's Acknowledge button on a shared or evidence-grade note. */
export const makeAcknowledgeNote =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: { actor: Person; noteId: number }): Result<Acknowledgment> =>
    store.tx((tx) =>
      respondToRecord(tx, settings, clock.now(), {
        actor: input.actor,
        subjectType: 'note',
        subjectId: input.noteId,
        state: 'acknowledged',
      }),
    );
