/** The employee's Acknowledge button on the handbook, and the submit of the Dispute form. */
import type { Result } from '../result.js';
import type { Acknowledgment } from '../../ports/records.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { FormValues } from '../../ui/model.js';
import { textValue } from '../../ui/form-values.js';
import { respondToRecord } from './respond-to-record.js';

export interface AnswerHandbookInput {
  actorId: string;
  version: number;
  /** Present for a dispute: the employee's comment, kept verbatim. */
  values?: FormValues;
}

export const makeAnswerHandbook =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: AnswerHandbookInput): Result<{ acknowledgment: Acknowledgment; confirmation: string }> =>
    store.tx((tx) =>
      respondToRecord(tx, settings, clock.now(), {
        actorId: input.actorId,
        subjectType: 'handbook',
        subjectId: input.version,
        state: input.values ? 'disputed' : 'acknowledged',
        ...(input.values ? { comment: textValue(input.values, 'comment') } : {}),
      }),
    );
