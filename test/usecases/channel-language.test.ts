/**
 * Issue 13 #9: a channel has its own language. The HR channel reads `hrChannel.locale`, else what
 * its HR people read; a team channel reads what most of its people read; a DM reads its recipient's.
 * The zh-CN HR persona of an English-default install sees the case card in Chinese, as the toasts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { seedTeams, testSettings } from '../support/org.js';
import { channelLocale } from '../../src/domain/locale.js';
import { parseFileConfig } from '../../src/config-yaml.js';
import { settingsFromConfig } from '../../src/config-settings.js';
import type { Config } from '../../src/config.js';
import { makeOpenOffboarding } from '../../src/usecases/offboarding/open-offboarding.js';
import { makeRunScheduleTick } from '../../src/usecases/schedule/run-schedule-tick.js';
import type { AppSettings } from '../../src/ports/settings.js';
import type { Person } from '../../src/ports/records.js';
import { outboxRows, textOf } from './review/support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

const CJK = /[\u4e00-\u9fff]/;
const rowLocale = (key: string) =>
  (db.conn.sqlite.prepare('SELECT locale FROM outbox WHERE key = ?').get(key) as { locale: string }).locale;

const setLocale = (id: string, locale: Person['locale']) =>
  db.store.tx((tx) => tx.org.upsertPerson({ ...tx.org.person(id)!, locale }));

describe('channelLocale', () => {
  it('is what most readers read, each their own else the org’s, the org’s on a tie or with nobody', () => {
    expect(channelLocale(['zh-CN', 'zh-CN', 'en'], 'en')).toBe('zh-CN');
    // Two with no language of their own read the org's English: English wins 2 to 1.
    expect(channelLocale(['zh-CN', null, null], 'en')).toBe('en');
    expect(channelLocale(['zh-CN', 'en'], 'en')).toBe('en');
    expect(channelLocale(['zh-CN', 'en'], 'zh-CN')).toBe('zh-CN');
    expect(channelLocale([], 'zh-CN')).toBe('zh-CN');
    expect(channelLocale(['fr', 'klingon', 'zh-CN'], 'en')).toBe('en');
  });
});

describe('the HR channel’s language', () => {
  function openCase(settings: AppSettings) {
    const open = makeOpenOffboarding({ store: db.store, clock: db.clock, settings });
    const r = open({ actorId: 'm1', employeeId: 'm1r1', reasonKind: 'performance', reasonText: 'below target' });
    expect(r.ok).toBe(true);
  }

  it('follows its HR people in an English-default install: the case card is Chinese, the manager’s DM English', () => {
    db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
    seedTeams(db.store, { managers: 1, reportsPerManager: 1, locale: 'en' });
    setLocale('hr', 'zh-CN');
    openCase(testSettings({ locale: 'en' }));

    const root = outboxRows(db.conn.sqlite, 'case:%:root')[0]!;
    expect(root.address).toBe('CHR');
    expect(textOf(root.message)).toMatch(CJK);
    expect(textOf(root.message)).not.toMatch(/\bcase\b|Case #/);
    expect(rowLocale(root.key)).toBe('zh-CN');
    const dm = outboxRows(db.conn.sqlite, 'case:%:manager')[0]!;
    expect(textOf(dm.message)).not.toMatch(CJK);
    expect(rowLocale(dm.key)).toBe('en');
  });

  it('hrChannel.locale in dandang.yml decides, whoever HR is', () => {
    const file = parseFileConfig('hrChannel:\n  slack: CHR\n  locale: en\n');
    const fromConfig = settingsFromConfig({ file, locale: 'zh-CN' } as unknown as Config);
    expect(fromConfig.hrChannelLocale).toBe('en');
    expect(() => parseFileConfig('hrChannel:\n  locale: fr\n')).toThrow(/en or zh-CN/);

    db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
    seedTeams(db.store, { managers: 1, reportsPerManager: 1, locale: 'zh-CN' });
    openCase({ ...testSettings({ locale: 'zh-CN' }), hrChannelLocale: 'en' });
    const root = outboxRows(db.conn.sqlite, 'case:%:root')[0]!;
    expect(textOf(root.message)).not.toMatch(/[\u4e00-\u9fff]{2}/);
    expect(rowLocale(root.key)).toBe('en');
  });
});

describe('a team channel’s language', () => {
  it('is what most of its people read: a Chinese team’s digest is Chinese, an English team’s English', async () => {
    // W44 2026: opens Mon 26 Oct 09:00, due Fri 30 Oct 18:00 (UTC, the default zone).
    db = makeTestDb({ now: '2026-10-26T09:00:00Z' });
    const settings = testSettings({ locale: 'en' });
    seedTeams(db.store, { managers: 2, reportsPerManager: 3 });
    for (const id of ['m1', 'm1r1', 'm1r2']) setLocale(id, 'zh-CN');
    setLocale('m2r1', 'zh-CN');
    const tick = makeRunScheduleTick({ store: db.store, clock: db.clock, settings });
    await tick();
    db.clock.set('2026-10-30T18:00:00Z');
    expect((await tick()).digests).toBe(2);

    const chinese = outboxRows(db.conn.sqlite, 'digest:%:CM1')[0]!;
    expect(chinese.message.text).toBe(
      '第 44 周 考核：已完成 0/3。待完成：<@person:m1r1>、<@person:m1r2>、<@person:m1r3>。',
    );
    expect(rowLocale(chinese.key)).toBe('zh-CN');
    const english = outboxRows(db.conn.sqlite, 'digest:%:CM2')[0]!;
    expect(english.message.text).toBe(
      'Week 44 reviews: 0/3 done. Waiting on <@person:m2r1>, <@person:m2r2>, <@person:m2r3>.',
    );
    expect(rowLocale(english.key)).toBe('en');
    // Each manager's nudge is a DM: in that manager's own language.
    expect(outboxRows(db.conn.sqlite, 'nudge:%:m1')[0]!.message.text).toMatch(CJK);
    expect(outboxRows(db.conn.sqlite, 'nudge:%:m2')[0]!.message.text).not.toMatch(CJK);
  });
});
