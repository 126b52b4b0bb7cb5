/**
 * Issue 13 #16: the demo's team channels hold their eight weeks of digests, posted by the schedule's
 * own use case at the time the schedule would have posted them, and filed as delivered then: a
 * newcomer opening #team-Sales sees its history, and nothing is delivered again when the
 * workspace's sender starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { testSettings } from '../../support/org.js';
import { loadDemo } from '../../../adapters/local/demo/index.js';
import { makeLocalMessageStore } from '../../../adapters/local/messages.js';
import { makeOutboxQueue } from '../../../db/repos/outbox.js';
import { verifyAuditChain } from '../../../db/repos/audit.js';
import { visibleText } from '../../../src/ui/markup.js';
import type { Message } from '../../../src/ui/model.js';

let db: TestDb;
const settings = testSettings({ timezone: 'Asia/Shanghai' });
const NOW = '2026-11-24T02:00:00Z';

beforeAll(() => {
  db = makeTestDb({ platforms: ['local'], now: NOW });
  loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings });
});
afterAll(() => db?.cleanup());

const names: Record<string, string> = { maria: 'Maria Garcia' };
const channel = (id: string) =>
  makeLocalMessageStore(db.conn)
    .conversation(id)
    .map(({ root }) => ({
      at: root.createdAt,
      text: visibleText((root.payload as Message).text, (p) => names[p] ?? p),
    }));

describe('the demo’s team channels', () => {
  it('hold one digest a week for the last eight weeks, oldest first, each when the schedule posted it', () => {
    for (const team of ['team:Sales', 'team:Warehouse', 'team:Support']) {
      const posts = channel(team);
      // Each channel in its people's language (issue 13 #9): the warehouse team reads Chinese.
      expect(posts.map((p) => /^(?:Week (\d+)|第 (\d+) 周)/.exec(p.text)?.slice(1).find(Boolean))).toEqual([
        '40',
        '41',
        '42',
        '43',
        '44',
        '45',
        '46',
        '47',
      ]);
      // Fridays at 18:00 in Shanghai (the due time, with no digest delay configured), a week apart.
      for (const [i, p] of posts.entries()) {
        expect(new Date(p.at).toISOString()).toMatch(/T10:00:00\.000Z$/);
        if (i) expect(p.at - posts[i - 1]!.at).toBe(7 * 86_400_000);
      }
      expect(posts.at(-1)!.at).toBeLessThan(Date.parse(NOW));
    }
    expect(channel('team:Sales')[0]!.text).toBe('Week 40 reviews: 3/3 done. Everyone is done.');
  });

  it('say whose review was missing the week a manager did not write one', () => {
    expect(channel('team:Warehouse').filter((p) => p.text.includes('待完成'))).toEqual([
      expect.objectContaining({ text: '第 45 周 考核：已完成 2/3。待完成：@Maria Garcia。' }),
    ]);
    expect(channel('team:Warehouse')[0]!.text).toMatch(/^第 40 周 考核：已完成 \d\/3。/);
  });

  it('are delivered once: nothing of them is waiting to be sent, and the audit chain holds', () => {
    const due = makeOutboxQueue(db.conn.db).due('local', db.clock.now(), 500);
    expect(due.filter((r) => r.key.startsWith('digest:'))).toEqual([]);
    const audited = db.conn.sqlite.prepare("select count(*) n from audit_log where action = 'review.digest'").get() as {
      n: number;
    };
    expect(audited.n).toBe(24);
    expect(verifyAuditChain(db.conn.sqlite).broken).toBeNull();
  });
});
