import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { verifyAuditChain } from '../../db/repos/audit.js';

let t: TestDb;
afterEach(() => t?.cleanup());

describe('audit chain', () => {
  it('verifies an intact chain and names the first altered row', () => {
    t = makeTestDb();
    t.store.tx((tx) => {
      for (let i = 0; i < 5; i++)
        tx.audit.record({ actorId: 'hr1', action: 'test.write', subjectType: 'thing', subjectId: i, detail: { i } });
    });
    expect(verifyAuditChain(t.conn.sqlite)).toMatchObject({ rows: 5, broken: null });

    t.conn.sqlite.prepare(`UPDATE audit_log SET detail = '{"i":99}' WHERE id = 3`).run();
    const result = verifyAuditChain(t.conn.sqlite);
    expect(result.broken).toEqual({ id: 3, reason: 'content does not match its hash' });
  });

  it('writes nothing, audit included, when the transaction throws', () => {
    t = makeTestDb();
    expect(() =>
      t.store.tx((tx) => {
        tx.audit.record({ actorId: null, action: 'x', subjectType: 'y', subjectId: 1 });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(verifyAuditChain(t.conn.sqlite).rows).toBe(0);
  });
});
