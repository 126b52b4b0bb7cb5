import type { Person, Acknowledgment } from '../../ports/records.js';
import type { Result } from '../result.js';
import type { EvidenceDeps } from './evidence-support.js';
import { respondToRecord } from './evidence-respond.js';

/** The employee acknowledges the job adjustment notice. */
export const makeAcknowledgeJobAdjustment =
  ({ store, clock, settings }: EvidenceDeps) =>
  (input: { actor: Person; adjustmentId: number }): Result<Acknowledgment> =>
    store.tx((tx) =>
      respondToRecord(tx, settings, clock.now(), {
        actor: input.actor,
        subjectType: 'job_adjustment',
        subjectId: input.adjustmentId,
        state: 'acknowledged',
      }),
    );
