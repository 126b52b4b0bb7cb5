import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import {
  HANDLED_EVENT_TTL_MS,
  SUBMISSION_ANSWER_TTL_MS,
  makePruneInbound,
} from '../../../src/usecases/schedule/prune-inbound.js';

let db: TestDb;
afterEach(() => db?.cleanup());

const count = (table: string) =>
  (db.conn.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('pruning handled-event ids and remembered answers (#14)', () => {
  it('forgets each after its replay window and keeps the recent ones, so a retry inside the window is still a no-op', () => {
    db = makeTestDb();
    const prune = makePruneInbound({ store: db.store, clock: db.clock });
    db.store.tx((tx) => {
      tx.markProcessed('slack:EvOld');
      tx.inbound.remember('ann|slack:V1:old', 'ann', { kind: 'ok', toast: 'Saved' });
    });
    db.clock.advance(HANDLED_EVENT_TTL_MS + 1);
    db.store.tx((tx) => tx.markProcessed('slack:EvRecent'));
    expect(prune()).toEqual({ events: 1, submissions: 0 });
    // The recent event is still known: its retry is dropped.
    expect(db.store.tx((tx) => tx.markProcessed('slack:EvRecent'))).toBe(false);
    expect(db.store.read((tx) => tx.inbound.answerTo('ann|slack:V1:old'))).toEqual({ kind: 'ok', toast: 'Saved' });

    db.clock.advance(SUBMISSION_ANSWER_TTL_MS);
    expect(prune()).toEqual({ events: 1, submissions: 1 });
    expect(count('processed_events')).toBe(0);
    expect(count('form_submissions')).toBe(0);
  });
});
