/** The employee's dispute of a note: their comment, kept verbatim. */
import type { Result } from '../result.js';
import type { Acknowledgment } from '../../ports/records.js';
import type { FormValues } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { respondToRecord } from './respond-to-record.js';

export interface DisputeNoteInput {
  actorId: string;
  noteId: number;
  values: FormValues;
}

export const makeDisputeNote =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: DisputeNoteInput): Result<{ acknowledgment: Acknowledgment; confirmation: string }> =>
    store.tx((tx) => {
      // Not textValue: the comment is the employee's own words, kept untrimmed.
      const raw = input.values.comment;
      const comment = typeof raw === 'string' ? raw : '';
      return respondToRecord(tx, settings, clock.now(), {
        actorId: input.actorId,
        subjectType: 'note',
        subjectId: input.noteId,
        state: 'disputed',
        comment,
      });
    });
