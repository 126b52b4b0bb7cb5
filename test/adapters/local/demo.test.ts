import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { loadConfig } from '../../../src/config.js';
import { settingsFromConfig } from '../../../src/config-settings.js';
import { verifyAuditChain } from '../../../db/repos/audit.js';
import { makeOutboxQueue } from '../../../db/repos/outbox.js';
import { loadDemo } from '../../../adapters/local/demo/index.js';
import { runDemo } from '../../../adapters/cli/demo.js';
import type { CliContext } from '../../../adapters/cli/context.js';
import { makeFileStore } from '../../../db/files.js';
import { join } from 'node:path';

const settings = settingsFromConfig(loadConfig({ DANDANG_CONFIG: '/nonexistent/dandang.yml' }));
let db: TestDb;
afterEach(() => db?.cleanup());

const load = (now = '2026-11-24T02:00:00Z') => {
  db = makeTestDb({ platforms: ['local'], now });
  return loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings });
};

describe('demo organisation', () => {
  it('loads people, KPIs acknowledged by everyone, about eight weeks of reviews, and a verifiable audit chain', () => {
    const summary = load()!;
    expect(summary.people).toBe(14);
    expect(summary.reviews).toBeGreaterThanOrEqual(60);
    db.store.tx((tx) => {
      const people = tx.org.activePeople();
      expect(
        people
          .filter((p) => tx.org.reportsOf(p.id).length > 0)
          .map((p) => p.name)
          .sort(),
      ).toEqual(['Emily Zhang', 'Li Na', '王磊']);
      expect(people.some((p) => p.role === 'hr')).toBe(true);
      expect(people.some((p) => p.role === 'admin')).toBe(true);
      expect(tx.org.jobWithKpis('support-agent')!.kpis.find((k) => k.key === 'resolution_hours')!.direction).toBe(
        'lower',
      );
      for (const p of people.filter((x) => x.jobId)) {
        const version = tx.org.job(p.jobId!)!.kpiVersion;
        expect(tx.acks.find('kpis', `${p.jobId}@${version}`, p.id)?.state).toBe('acknowledged');
      }
      // The consistent under-performer: every review below target, every one acknowledged.
      const zw = tx.reviews.reviewsOf('zhangwei');
      expect(zw.length).toBeGreaterThanOrEqual(7);
      expect(zw.every((r) => r.belowTarget)).toBe(true);
      expect(zw.every((r) => tx.acks.find('review', String(r.id), 'zhangwei')?.state === 'acknowledged')).toBe(true);
      // "Bottom of the ranking" and nothing else: no review below target, only a private note.
      expect(tx.reviews.reviewsOf('ben').some((r) => r.belowTarget)).toBe(false);
      expect(tx.evidence.notesAbout('ben').map((n) => n.visibility)).toEqual(['private']);
      // Some disputes, kept verbatim.
      const disputes = tx.acks
        .forPerson('huangmin')
        .concat(tx.acks.forPerson('tom'))
        .filter((a) => a.state === 'disputed');
      expect(disputes.length).toBeGreaterThan(0);
    });
    expect(verifyAuditChain(db.conn.sqlite).broken).toBeNull();
    // The current cycle is open and each manager has a nudge waiting.
    const due = makeOutboxQueue(db.conn.db).due('local', db.clock.now(), 100);
    expect(
      due
        .filter((r) => r.key.startsWith('nudge:'))
        .map((r) => r.address)
        .sort(),
    ).toEqual(['emily', 'lina', 'wanglei']);
  });

  it('is deterministic relative to now', () => {
    const snapshot = () =>
      db.store.tx((tx) =>
        tx.reviews.reviewsOf('huangmin').map((r) => [r.periodLabel, r.rating, r.results.map((x) => x.actual)]),
      );
    load();
    const a = snapshot();
    db.cleanup();
    load();
    expect(snapshot()).toEqual(a);
  });

  it('never loads into a database that already has people', () => {
    load();
    expect(loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings })).toBeNull();
  });
});

describe('npm run dandang -- demo reset', () => {
  const cli = (): CliContext & { lines: string[] } => {
    const lines: string[] = [];
    const config = loadConfig({ DANDANG_CONFIG: '/nonexistent/dandang.yml', DANDANG_DB: db.file });
    return {
      config,
      conn: db.conn,
      store: db.store,
      clock: db.clock,
      settings,
      platforms: ['local'],
      files: makeFileStore(join(db.dir, 'files'), db.conn.sealer),
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
      lines,
    };
  };

  it('starts over with a fresh demo', async () => {
    load();
    db.store.tx((tx) => tx.org.setActive('alice', false));
    const ctx = cli();
    expect(await runDemo(['reset'], ctx)).toBe(0);
    expect(ctx.lines.join('\n')).toMatch(/14 people/);
    expect(db.store.tx((tx) => tx.org.person('alice')!.active)).toBe(true);
    expect(verifyAuditChain(db.conn.sqlite).broken).toBeNull();
  });

  it('refuses a database with real people unless --force', async () => {
    db = makeTestDb({ platforms: ['local'] });
    db.store.tx((tx) =>
      tx.org.upsertPerson({
        id: 'x',
        name: 'Real Person',
        email: 'real@corp.example',
        managerId: null,
        department: 'Ops',
        jobId: null,
        role: 'employee',
        slackId: null,
        feishuOpenId: null,
        locale: null,
        timezone: null,
        hireDate: null,
        teamChannelSlack: null,
        teamChannelFeishu: null,
        monthlyWage: null,
        active: true,
      }),
    );
    const ctx = cli();
    expect(await runDemo(['reset'], ctx)).toBe(1);
    expect(ctx.lines.join('\n')).toMatch(/Refusing to reset.*real@corp.example/);
    expect(db.store.tx((tx) => tx.org.person('x'))).not.toBeNull();
    expect(await runDemo(['reset', '--force'], ctx)).toBe(0);
    expect(db.store.tx((tx) => tx.org.person('x'))).toBeNull();
    expect(await runDemo([], ctx)).toBe(2);
  });
});
