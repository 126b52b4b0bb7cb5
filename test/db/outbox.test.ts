import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { seedOrg } from '../support/org.js';
import type { Message } from '../../src/ui/model.js';

const hello: Message = { text: 'hello', blocks: [] };

/** The outbox's person lookup is a statement prepared once; it must still see every change. */
describe('the outbox: addressing people', () => {
  let db: TestDb;
  afterEach(() => db.cleanup());

  const rows = () =>
    db.conn.sqlite.prepare('SELECT platform, key, address, locale, payload FROM outbox ORDER BY id').all() as {
      platform: string;
      key: string;
      address: string;
      locale: string;
      payload: string;
    }[];

  it('addresses each platform from the person as stored now, and a repeated key writes nothing', () => {
    db = makeTestDb({ platforms: ['slack', 'feishu'] });
    seedOrg(db.store, { people: [{ id: 'ann', name: 'Ann', slackId: 'UANN', feishuOpenId: null, locale: null }] });
    expect(db.store.tx((tx) => tx.outbox.post({ key: 'k1', to: { person: 'ann' }, message: hello }))).toBe(true);
    expect(db.store.tx((tx) => tx.outbox.post({ key: 'k1', to: { person: 'ann' }, message: hello }))).toBe(false);

    // An import gives Ann a Feishu id, a new Slack id and Chinese; the next post uses all three.
    seedOrg(db.store, {
      people: [{ id: 'ann', name: 'Ann', slackId: 'UANN2', feishuOpenId: 'ou_ann', locale: 'zh-CN' }],
    });
    expect(db.store.tx((tx) => tx.outbox.post({ key: 'k2', to: { person: 'ann' }, message: hello }))).toBe(true);
    expect(db.store.tx((tx) => tx.outbox.post({ key: 'k3', to: { person: 'nobody' }, message: hello }))).toBe(false);

    expect(rows().map(({ platform, key, address, locale }) => `${platform} ${key} ${address} ${locale}`)).toEqual([
      'slack k1 UANN en',
      'slack k2 UANN2 zh-CN',
      'feishu k2 ou_ann zh-CN',
    ]);
    expect(JSON.parse(rows()[0]!.payload)).toEqual(hello);
    // The JSON column reads back through drizzle like any other row.
    expect(db.store.tx((tx) => tx.outbox.update('k1', { text: 'edited', blocks: [] }))).toBeUndefined();
    expect(
      rows()
        .filter((r) => r.key === 'k1#update1')
        .map((r) => JSON.parse(r.payload).text),
    ).toEqual(['edited']);
  });

  it('a post in a transaction that fails leaves no row', () => {
    db = makeTestDb();
    seedOrg(db.store, { people: [{ id: 'ann', name: 'Ann', slackId: 'UANN' }] });
    expect(() =>
      db.store.tx((tx) => {
        tx.outbox.post({ key: 'k1', to: { person: 'ann' }, message: hello });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(rows()).toEqual([]);
  });
});
