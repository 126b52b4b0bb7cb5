/** Files attached to evidence records (the bytes are in the FileStore, by hash; see ../files.ts). */
import type { AttachmentSubject, SubjectRef } from '../../domain/files.js';

export interface Attachment {
  id: number;
  subjectType: AttachmentSubject;
  subjectId: number;
  /** The person the record is about. */
  personId: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  uploadedBy: string;
  via: string;
  createdAt: number;
}

export interface AttachmentRepo {
  insert(a: Omit<Attachment, 'id' | 'createdAt'>): Attachment;
  get(id: number): Attachment | null;
  /** The files of one record, oldest first. */
  forSubject(ref: SubjectRef): Attachment[];
  /** The files of many records of one type (a list, the dossier), oldest first. */
  forSubjects(type: AttachmentSubject, ids: number[]): Attachment[];
  /** Every file on records about a person, oldest first. */
  aboutPerson(personId: string): Attachment[];
  /** Whether any record holds these bytes (a file stored for a refused submission is then removed). */
  isReferenced(sha256: string): boolean;

  /** Feishu: the record the person was asked to send a file for, replacing an earlier ask. */
  requestFile(personId: string, ref: SubjectRef, at: number): void;
  pendingRequest(personId: string): { ref: SubjectRef; askedAt: number } | null;
  clearRequest(personId: string): void;
}

/** Attachments, read only. The methods of `AttachmentRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type AttachmentReader = Omit<AttachmentRepo, 'insert' | 'requestFile' | 'clearRequest'>;
