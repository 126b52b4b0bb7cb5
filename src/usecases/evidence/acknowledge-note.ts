import type { Result } from '../result.js';
import type { Acknowledgment } from '../../ports/records.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { respondToRecord } from './respond-to-record.js';

export interface AcknowledgeNoteInput {
  actorId: string;
  noteId: number;
}

/** The employee's Acknowledge button on a shared or evidence-grade note. */
export const makeAcknowledgeNote =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: AcknowledgeNoteInput): Result<{ acknowledgment: Acknowledgment; confirmation: string }> =>
    store.tx((tx) =>
      respondToRecord(tx, settings, clock.now(), {
        actorId: input.actorId,
        subjectType: 'note',
        subjectId: input.noteId,
        state: 'acknowledged',
      }),
    );
