/**
 * Files chosen in the local workspace's upload field, held in memory between their upload and the
 * form's submission (nothing is stored before the submission is accepted). Each token belongs to
 * the persona that uploaded it, is used once, and expires; a persona holds only a few at a time.
 */
import { randomUUID } from 'node:crypto';
import { MAX_FILES_PER_UPLOAD } from '../../src/domain/files.js';
import type { ReceivedFile } from '../files/intake.js';

const TTL_MS = 30 * 60_000;

export class HeldUploads {
  private readonly held = new Map<string, { personId: string; file: ReceivedFile; at: number }>();

  hold(personId: string, file: ReceivedFile): string {
    this.expire();
    // A persona's oldest held files make room: at most twice what one form may attach.
    const mine = [...this.held.entries()].filter(([, h]) => h.personId === personId);
    for (const [token] of mine.slice(0, Math.max(0, mine.length - 2 * MAX_FILES_PER_UPLOAD + 1)))
      this.held.delete(token);
    const token = randomUUID();
    this.held.set(token, { personId, file, at: Date.now() });
    return token;
  }

  /** The file for this persona's token, once; null when unknown, someone else's, or expired. */
  take(personId: string, token: string): ReceivedFile | null {
    this.expire();
    const h = this.held.get(token);
    if (!h || h.personId !== personId) return null;
    this.held.delete(token);
    return h.file;
  }

  private expire(): void {
    const now = Date.now();
    for (const [token, h] of this.held) if (now - h.at > TTL_MS) this.held.delete(token);
  }
}
