import type { Acknowledgment, AckState, AckSubject } from '../records.js';

/** Employees' responses (acknowledge / dispute / witnessed refusal) to anything recorded about them. */
export interface AckRepo {
  /** Null when there is already a response for this subject and person (the first one stands). */
  record(a: {
    subjectType: AckSubject;
    subjectId: string;
    personId: string;
    state: AckState;
    comment?: string | null;
    witnessId?: string | null;
    recordedBy: string;
  }): Acknowledgment | null;
  find(subjectType: AckSubject, subjectId: string, personId: string): Acknowledgment | null;
  forSubjects(subjectType: AckSubject, subjectIds: string[]): Acknowledgment[];
  forPerson(personId: string): Acknowledgment[];
  /** Disputes of one kind of record recorded at or after `since`, newest first. */
  disputes(subjectType: AckSubject, since: number): Acknowledgment[];
}

/** Acknowledgments, read only. The methods of `AckRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type AckReader = Omit<AckRepo, 'record'>;
