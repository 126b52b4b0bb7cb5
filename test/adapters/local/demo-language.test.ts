/**
 * Issue 13 #9 in the demo: the Chinese part of the organisation (the warehouse team) has a Chinese
 * job and KPI names, and what the demo queues for Chinese readers, DMs and the HR channel, is
 * Chinese with full-width punctuation and no English units or words.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { loadConfig } from '../../../src/config.js';
import { settingsFromConfig } from '../../../src/config-settings.js';
import { loadDemo } from '../../../adapters/local/demo/index.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import type { Message } from '../../../src/ui/model.js';

const settings = settingsFromConfig(loadConfig({ DANDANG_CONFIG: '/nonexistent/dandang.yml' }));
let db: TestDb;
afterEach(() => db?.cleanup());

const CJK = /[\u3400-\u9fff]/;

function visibleText(m: Message): string {
  const parts: string[] = [m.text];
  for (const b of m.blocks) {
    if (b.type === 'text' || b.type === 'header' || b.type === 'context') parts.push(b.text);
    if (b.type === 'fields') for (const f of b.fields) parts.push(f.label, f.value);
    if (b.type === 'actions') for (const btn of b.buttons) parts.push(btn.label);
  }
  return parts.join('\n');
}

describe('the demo in Chinese', () => {
  it('gives the warehouse team a Chinese job and KPIs', () => {
    db = makeTestDb({ platforms: ['local'], now: '2026-11-24T02:00:00Z' });
    loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings });
    const job = db.store.tx((tx) => tx.org.jobWithKpis('warehouse-associate'))!;
    expect(job.title).toMatch(CJK);
    for (const k of job.kpis) expect(`${k.name} ${k.unit}`).not.toMatch(/[a-z]{2}/i);
  });

  it('writes to Chinese readers and the HR channel in Chinese, with full-width punctuation', () => {
    db = makeTestDb({ platforms: ['local'], now: '2026-11-24T02:00:00Z' });
    loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings });
    // Li Na (English) asks to end 张伟's contract: the case card goes to #hr.
    const open = makeOpenOffboarding({ store: db.store, clock: db.clock, settings });
    expect(open({ actorId: 'lina', employeeId: 'zhangwei', reasonKind: 'performance', reasonText: '' }).ok).toBe(true);
    const rows = db.conn.sqlite.prepare(`SELECT key, address, locale, payload FROM outbox WHERE op = 'post'`).all() as {
      key: string;
      address: string;
      locale: string;
      payload: string;
    }[];
    // 陈静 (HR, zh-CN) reads the HR channel: its cards are Chinese in this English-default install.
    const hr = rows.filter((r) => r.address === 'hr');
    expect(hr.length).toBeGreaterThan(0);
    expect(hr.every((r) => r.locale === 'zh-CN')).toBe(true);

    const offenders: string[] = [];
    for (const r of rows.filter((x) => x.locale === 'zh-CN')) {
      const text = visibleText(JSON.parse(r.payload) as Message)
        .replace(/`[^`]*`/g, ' ')
        .replace(/https?:\/\/\S+/g, ' ')
        .replace(/<@[^>]+>/g, '某人');
      for (const m of text.matchAll(/[\u3400-\u9fff][,:;()]|[,:;()][\u3400-\u9fff]/g))
        offenders.push(`${r.key}: …${text.slice(Math.max(0, m.index - 8), m.index + 9)}…`);
      // A count with an English unit, an English word or enum value standing in Chinese text.
      for (const m of text.matchAll(/\d accounts|Reassessment|reassessment|acknowledged|disputed|pending/g))
        offenders.push(`${r.key}: "${m[0]}"`);
    }
    expect(offenders).toEqual([]);
  });
});
