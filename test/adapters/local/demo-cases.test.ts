/**
 * The demo's dismissal history is sound under the gate (issue 10): 张伟's record lets a newcomer
 * walk a cn-art40 case from open to close, and the history holds one Art. 39 case and one agreed
 * exit, each walked through the real use cases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { loadConfig } from '../../../src/config.js';
import { settingsFromConfig } from '../../../src/config-settings.js';
import { verifyAuditChain } from '../../../db/repos/audit.js';
import { loadDemo } from '../../../adapters/local/demo/index.js';
import { evaluateEvidence } from '../../../src/domain/policy/index.js';
import type { Settlement } from '../../../src/domain/settlement.js';
import { currentPolicy } from '../../../src/usecases/offboarding/policy.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeAdvanceCaseStep } from '../../../src/usecases/offboarding/advance-case-step.js';
import { makeLocalMessageStore } from '../../../adapters/local/messages.js';
import { HR_LOCAL_CHANNEL } from '../../../src/ports/settings.js';
import type { Message } from '../../../src/ui/model.js';

const settings = settingsFromConfig(loadConfig({ DANDANG_CONFIG: '/nonexistent/dandang.yml' }));
let db: TestDb;
afterEach(() => db?.cleanup());

describe('the demo’s dismissal history', () => {
  it.each(['2026-11-24T02:00:00Z', '2027-03-01T09:30:00Z'])(
    'gives 张伟 a complete, sound cn-art40 record a newcomer can walk from open to close (now %s)',
    (now) => {
      db = makeTestDb({ platforms: ['local'], now });
      loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings });
      const e = db.store.tx((tx) =>
        evaluateEvidence(currentPolicy(settings), tx.cases.evidenceFacts('zhangwei'), db.clock.now()),
      );
      expect(e.items.filter((i) => !i.ok).map((i) => i.id)).toEqual([]);
      // Nothing counted was recorded late or in the future.
      expect(
        e.items.flatMap((i) => i.records).filter((r) => r.recordedLateDays !== null || r.at > db.clock.now()),
      ).toEqual([]);
      expect(e.blockers).toEqual([]);

      const deps = { store: db.store, clock: db.clock, settings };
      const opened = makeOpenOffboarding(deps)({
        actorId: 'lina',
        employeeId: 'zhangwei',
        reasonKind: 'performance',
        reasonText: '连续未达到销售额目标，培训后仍未达标',
      });
      if (!opened.ok) throw new Error(opened.message);
      const advance = makeAdvanceCaseStep(deps);
      const today = new Date(db.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      for (const [actorId, stepId, extra] of [
        ['lina', 'manager_confirms', {}],
        ['chenjing', 'hr_approves', {}],
        ['chenjing', 'art42_check', {}],
        ['chenjing', 'union_notified', { date: today }],
        ['chenjing', 'meeting_held', {}],
        ['lina', 'meeting_held', {}],
        ['chenjing', 'notice_issued', { payInLieu: true }],
        ['chenjing', 'close', {}],
      ] as const) {
        db.clock.advance(3_600_000);
        const r = advance({ actorId, caseId: opened.value.caseId, stepId, ...extra });
        if (!r.ok) throw new Error(`${stepId}: ${r.message}`);
      }
      expect(db.store.tx((tx) => tx.cases.get(opened.value.caseId)!.status)).toBe('closed');
      expect(verifyAuditChain(db.conn.sqlite).broken).toBeNull();
    },
  );

  it('holds one Art. 39 case and one agreed exit, closed through the gate', () => {
    db = makeTestDb({ platforms: ['local'], now: '2026-11-24T02:00:00Z' });
    loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings });
    const cases = db.store.tx((tx) => tx.cases.openedSince(0));
    expect(cases.map((c) => [c.employeeId, c.reasonKind, c.status])).toEqual([
      ['zhaoqiang', 'misconduct', 'closed'],
      ['liwen', 'mutual', 'closed'],
    ]);
    const [misconduct, mutual] = cases.map((c) => c.settlement as Settlement);
    // Art. 39: no notice and no N.
    expect([misconduct!.severance, misconduct!.noSeverance, misconduct!.notice.days]).toEqual([
      null,
      'not_on_this_path',
      0,
    ]);
    // Art. 36, proposed by the company: N owed, and the release pays at least that.
    expect(mutual!.release).toMatchObject({ proposedBy: 'employer', belowN: false });
    expect(mutual!.severance!.n).toBeGreaterThan(0);
    expect(mutual!.showUnlawfulRisk).toBe(false);
    db.store.tx((tx) => {
      expect(tx.org.person('zhaoqiang')!.active).toBe(false);
      expect(tx.org.person('liwen')!.active).toBe(false);
    });
    expect(verifyAuditChain(db.conn.sqlite).broken).toBeNull();
  });

  it('shows HR the two closed cases in the HR channel, as delivered cards a later change edits in place', () => {
    db = makeTestDb({ platforms: ['local'], now: '2026-11-24T02:00:00Z' });
    loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings });
    const cards = makeLocalMessageStore(db.conn)
      .conversation(HR_LOCAL_CHANNEL)
      .map((c) => (c.root.payload as Message).text);
    // In the HR channel's language: its HR person, 陈静, reads Chinese (issue 13 #9).
    expect(cards).toEqual([
      '严重违纪（第三十九条）·解除劳动合同案件 #1：赵强',
      '协商一致解除（第三十六条）·解除劳动合同案件 #2：李文',
    ]);
    expect(
      db.conn.sqlite
        .prepare(`SELECT key, status FROM outbox WHERE platform = 'local' AND key LIKE 'case:%:root' ORDER BY key`)
        .all(),
    ).toEqual([
      { key: 'case:1:root', status: 'sent' },
      { key: 'case:2:root', status: 'sent' },
    ]);
  });
});
