import type { Reply } from '../../ui/model.js';

/**
 * What arrived from the platforms and how it was answered: the first answer to each form
 * submission (so a duplicate gets it back and records nothing), and the housekeeping of both that
 * and the handled-event ids (`Tx.markProcessed`).
 */
export interface InboundRepo {
  /** The answer the first submission under this key got, or null if there was none. */
  answerTo(key: string): Reply | null;
  /** Remembers the answer to a submission; call it in the transaction that recorded it. */
  remember(key: string, actorId: string, reply: Reply): void;
  /** Forgets handled-event ids received before `eventsBefore` and answers given before `submissionsBefore`. */
  prune(eventsBefore: number, submissionsBefore: number): { events: number; submissions: number };
}

/** Form answers, read only. The methods of `InboundRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type InboundReader = Omit<InboundRepo, 'remember' | 'prune'>;
