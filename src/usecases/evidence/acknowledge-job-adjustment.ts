import type { Result } from '../result.js';
import type { Acknowledgment } from '../../ports/records.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { respondToRecord } from './respond-to-record.js';

export interface AcknowledgeJobAdjustmentInput {
  actorId: string;
  adjustmentId: number;
}

/** The employee acknowledges the job adjustment notice. */
export const makeAcknowledgeJobAdjustment =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: AcknowledgeJobAdjustmentInput): Result<{ acknowledgment: Acknowledgment; confirmation: string }> =>
    store.tx((tx) =>
      respondToRecord(tx, settings, clock.now(), {
        actorId: input.actorId,
        subjectType: 'job_adjustment',
        subjectId: input.adjustmentId,
        state: 'acknowledged',
      }),
    );
