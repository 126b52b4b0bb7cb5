import type { Person, Acknowledgment } from '../../ports/records.js';
import type { Result } from '../result.js';
import type { EvidenceDeps } from './evidence-support.js';
import { respondToRecord } from './evidence-respond.js';

/** The employee acknowledges receiving their training plan. */
export const makeAcknowledgeTraining =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: { actor: Person; planId: number }): Result<Acknowledgment> =>
    store.tx((tx) =>
      respondToRecord(tx, settings, clock.now(), {
        actor: input.actor,
        subjectType: 'training_plan',
        subjectId: input.planId,
        state: 'acknowledged',
      }),
    );
