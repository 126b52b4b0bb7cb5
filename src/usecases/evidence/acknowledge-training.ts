import type { Result } from '../result.js';
import type { Acknowledgment } from '../../ports/records.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { respondToRecord } from './respond-to-record.js';

export interface AcknowledgeTrainingInput {
  actorId: string;
  planId: number;
}

/** The employee acknowledges receiving their training plan. */
export const makeAcknowledgeTraining =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: AcknowledgeTrainingInput): Result<{ acknowledgment: Acknowledgment; confirmation: string }> =>
    store.tx((tx) =>
      respondToRecord(tx, settings, clock.now(), {
        actorId: input.actorId,
        subjectType: 'training_plan',
        subjectId: input.planId,
        state: 'acknowledged',
      }),
    );
