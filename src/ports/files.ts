/**
 * Where evidence files are kept: content-addressed by SHA-256, so a file is stored once however
 * many records hold it, and its hash (in the audit chain) proves it unaltered. The filesystem store
 * (db/files.ts, DANDANG_FILES) implements it; an S3-compatible store can replace it, which is why
 * every call is async while use cases stay synchronous: adapters store a file before the use case
 * records it, and senders read it when they deliver.
 */
export interface FileStore {
  /** Stores the bytes (once); `created` is false when the same bytes were already there. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number; created: boolean }>;
  /**
   * The bytes whose SHA-256 is `sha256`, or null when none are stored. Every read checks the hash:
   * altered bytes throw `StoredFileError` instead of being handed out as evidence.
   */
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
  /** Deletes the bytes (a refused submission's, or retention's). No error when absent. */
  remove(sha256: string): Promise<void>;
}

/** A stored file no longer matches its hash (altered, or sealed with a key we do not have). */
export class StoredFileError extends Error {
  override name = 'StoredFileError';
  constructor(
    readonly sha256: string,
    message: string,
  ) {
    super(message);
  }
}

/** A file received from a platform and stored, as the adapter hands it to a use case. */
export interface IncomingFile {
  sha256: string;
  /** The person's own name for it, as sent. */
  name: string;
  /** Detected from the leading bytes. */
  mime: string;
  size: number;
}
