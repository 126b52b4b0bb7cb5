/**
 * A use case that only reads runs in `store.read`: one snapshot that takes no write lock. So a
 * manager opening a form or asking for the team's status gets an answer while an import (another
 * process) holds the lock, and the answer shows what was last committed. Saving needs the lock.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { seedTeams, testSettings, DEFAULT_KPIS } from '../support/org.js';
import { StoreBusyError, type ReadTx } from '../../src/ports/store.js';
import { makeOpenNoteForm } from '../../src/usecases/evidence/open-note-form.js';
import { makeCreateNote } from '../../src/usecases/evidence/create-note.js';
import { makeReviewStatus } from '../../src/usecases/review/review-status.js';
import { valueOf } from './evidence/support.js';

let db: TestDb;
let other: Database.Database | undefined;
afterEach(() => {
  if (other?.inTransaction) other.exec('ROLLBACK');
  other?.close();
  other = undefined;
  db?.cleanup();
});

describe('read-only use cases run in a read snapshot', () => {
  it('answer while another process holds the write lock, showing the last committed state; a save waits for the lock', () => {
    db = makeTestDb({ whenLocked: 'yield' });
    const org = seedTeams(db.store, { managers: 1, reportsPerManager: 1, kpis: DEFAULT_KPIS });
    const deps = { store: db.store, clock: db.clock, settings: testSettings() };
    const manager = org.managers[0]!;
    const employee = org.reports[0]![0]!;
    const openForm = () =>
      JSON.stringify(valueOf(makeOpenNoteForm(deps)({ actorId: manager.id, personId: employee.id })));

    other = new Database(db.file);
    other.exec('BEGIN IMMEDIATE'); // an import, mid-batch
    other.prepare(`UPDATE people SET name = 'Renamed by the import' WHERE id = ?`).run(employee.id);

    expect(openForm()).toContain(employee.name);
    expect(openForm()).not.toContain('Renamed by the import');
    expect(makeReviewStatus(deps)({ actorId: manager.id, all: false }).ok).toBe(true);
    const save = () =>
      makeCreateNote(deps)({
        actorId: manager.id,
        personId: employee.id,
        values: {
          kind: 'feedback',
          held_on: '2026-11-22',
          discussion: 'We went through the queue.',
          visibility: 'evidence',
        },
      });
    expect(save).toThrow(StoreBusyError);

    other.exec('COMMIT');
    expect(openForm()).toContain('Renamed by the import');
    expect(valueOf(save()).note.personId).toBe(employee.id);
  });

  it('a read snapshot offers no writer, and a write forced past the type is refused', () => {
    db = makeTestDb();
    const manager = seedTeams(db.store, { managers: 1, reportsPerManager: 1 }).managers[0]!;
    const message = { key: 'x', to: { person: manager.id }, message: { text: 'x' } } as never;
    const entry = { actorId: null, action: 'x', subjectType: 'person', subjectId: manager.id, detail: {} } as never;
    db.store.read((tx: ReadTx) => {
      // @ts-expect-error ReadTx has no outbox: tsc (in npm test) fails if one is added
      expect(() => tx.outbox.post(message)).toThrow(/readonly|read-only/i);
      // @ts-expect-error nor an audit writer
      expect(() => tx.audit.record(entry)).toThrow(/readonly|read-only/i);
      // @ts-expect-error nor a repository's writer
      expect(() => tx.org.setActive(manager.id, false)).toThrow(/readonly|read-only/i);
    });
    expect(db.store.read((tx) => tx.org.person(manager.id)?.active)).toBe(true);
  });
});
