/**
 * HR records that the employee refused to acknowledge a note, training plan or job adjustment,
 * naming a witness. It is a third state, neither acknowledged nor silently missing.
 */
import type { Result } from '../result.js';
import type { Acknowledgment } from '../../ports/records.js';
import type { FormValues } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { textValue } from '../../ui/form-values.js';
import { respondToRecord, type RespondableSubject } from './respond-to-record.js';

export interface RecordRefusalInput {
  actorId: string;
  subjectType: RespondableSubject;
  subjectId: number;
  values: FormValues;
}

export const makeRecordRefusal =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: RecordRefusalInput): Result<{ acknowledgment: Acknowledgment; confirmation: string }> =>
    store.tx((tx) =>
      respondToRecord(tx, settings, clock.now(), {
        actorId: input.actorId,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        state: 'refused',
        witnessId: textValue(input.values, 'witness'),
        comment: textValue(input.values, 'comment') || undefined,
      }),
    );
