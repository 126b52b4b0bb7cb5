/**
 * Shared setup of the evidence-file tests on every surface (Slack, Feishu, the browser, the CLI):
 * a file's hash, how many files a store holds, and the note and case that files are attached to.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import type { UseCaseDeps } from '../../src/ports/deps.js';
import { makeCreateNote } from '../../src/usecases/evidence/create-note.js';
import { makeOpenOffboarding } from '../../src/usecases/offboarding/open-offboarding.js';

/** The SHA-256 of a file's bytes, in hex: what the audit log and the dossier's manifest record. */
export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** How many files the content-addressed store in `dir` holds (0 when nothing created it yet). */
export const storedFileCount = (dir: string): number =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length : 0;

/** An evidence-grade feedback note by `actorId` about `personId`; its id. Throws if it is refused. */
export function createEvidenceNote(
  deps: UseCaseDeps,
  o: { actorId: string; personId: string; heldOn: string; discussion: string },
): number {
  const note = makeCreateNote(deps)({
    actorId: o.actorId,
    personId: o.personId,
    values: { kind: 'feedback', held_on: o.heldOn, discussion: o.discussion, visibility: 'evidence' },
  });
  if (!note.ok) throw new Error(note.message);
  return note.value.note.id;
}

/** A performance case about `employeeId`, opened by `actorId`; its id. Throws if it is refused. */
export function openPerformanceCase(deps: UseCaseDeps, o: { actorId: string; employeeId: string }): number {
  const opened = makeOpenOffboarding(deps)({ ...o, reasonKind: 'performance', reasonText: '' });
  if (!opened.ok) throw new Error(opened.message);
  return opened.value.caseId;
}
