/**
 * Reads of sensitive records are audited: who opened whose record view, case list entry or
 * dossier, and `/dandang audit @person` lists them for HR only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeEvidenceWorld, valueOf, codeOf, snapshot, type EvidenceWorld } from '../evidence/support.js';
import { makeViewMyRecord } from '../../../src/usecases/evidence/view-my-record.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeCaseStatus } from '../../../src/usecases/offboarding/case-status.js';
import { makeExportDossier } from '../../../src/usecases/offboarding/export-dossier.js';
import { makeListRecordReads } from '../../../src/usecases/security/list-record-reads.js';
import { makeRouter } from '../../../src/app/router.js';
import { allFeatures } from '../../../src/app/features.js';
import type { Message } from '../../../src/ui/model.js';
import { verifyAuditLog } from '../../../db/repos/audit.js';

let w: EvidenceWorld;
afterEach(() => w.db.cleanup());

const textOf = (m: Message) => m.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

describe('audited reads', () => {
  it('records who opened whose record, case and dossier, and HR lists them newest first', () => {
    w = makeEvidenceWorld({ now: '2026-11-23T02:00:00Z', timezone: 'Asia/Shanghai' });
    const view = makeViewMyRecord(w.deps);
    valueOf(view({ actorId: w.emp.id })); // one's own record: not a read of someone else's
    w.db.clock.advance(60_000);
    valueOf(view({ actorId: w.m1.id, personId: w.emp.id }));
    w.db.clock.advance(60_000);
    valueOf(view({ actorId: w.dir.id, personId: w.emp.id }));
    expect(codeOf(view({ actorId: w.m2.id, personId: w.emp.id }))).toBe('NOT_AUTHORIZED'); // refused: not a read

    const opened = valueOf(
      makeOpenOffboarding(w.deps)({
        actorId: w.hr.id,
        employeeId: w.emp.id,
        reasonKind: 'mutual',
        reasonText: 'Agreed to part',
      }),
    );
    expect(opened.confirmation).toBeTruthy();
    w.db.clock.advance(60_000);
    valueOf(makeCaseStatus(w.deps)({ actorId: w.hr.id }));
    w.db.clock.advance(60_000);
    valueOf(makeExportDossier(w.deps)({ actorId: w.hr.id, caseId: 1, deliver: 'none' }));
    w.db.clock.advance(60_000);

    const list = valueOf(makeListRecordReads(w.deps)({ actorId: w.hr.id, personId: w.emp.id }));
    const lines = textOf(list).split('\n');
    expect(list.blocks[0]).toEqual({ type: 'header', text: `Who opened the records of ${w.emp.name}` });
    expect(lines.slice(1, 6)).toEqual([
      `2026-11-23 10:05 · ${w.hr.name} · this list of reads`,
      `2026-11-23 10:04 · ${w.hr.name} · the dossier of case #1`,
      `2026-11-23 10:03 · ${w.hr.name} · the open-case list, with case #1`,
      `2026-11-23 10:02 · ${w.dir.name} · their record (/review mine)`,
      `2026-11-23 10:01 · ${w.m1.name} · their record (/review mine)`,
    ]);
    expect(textOf(list)).not.toContain(`${w.emp.name} · their record`);
    // The reads are in the chain like every other audit row.
    expect(verifyAuditLog(w.db.conn).problems).toEqual([]);
  });

  it('refuses anyone but HR, and writes nothing', () => {
    w = makeEvidenceWorld();
    valueOf(makeViewMyRecord(w.deps)({ actorId: w.m1.id, personId: w.emp.id }));
    const before = snapshot(w.db);
    for (const actorId of [w.m1.id, w.emp.id, w.dir.id]) {
      const r = makeListRecordReads(w.deps)({ actorId, personId: w.emp.id });
      expect(!r.ok && [r.code, r.message]).toEqual(['NOT_AUTHORIZED', 'Only HR can see who opened someone’s records.']);
    }
    expect(snapshot(w.db)).toEqual(before);
    expect(codeOf(makeListRecordReads(w.deps)({ actorId: w.hr.id, personId: undefined }))).toBe('INVALID_INPUT');
    expect(codeOf(makeListRecordReads(w.deps)({ actorId: w.hr.id, personId: 'ghost' }))).toBe('NOT_FOUND');
  });

  it('answers /dandang audit @person through the router, in Chinese for a Chinese reader', async () => {
    w = makeEvidenceWorld();
    valueOf(makeViewMyRecord(w.deps)({ actorId: w.m1.id, personId: w.emp.id }));
    const router = makeRouter(allFeatures(w.deps));
    const hr = { ...w.hr, locale: 'zh-CN' as const };
    w.db.store.tx((tx) => tx.org.upsertPerson(hr));
    const reply = await router.dispatch({
      kind: 'command',
      actor: { person: hr, platform: 'slack', locale: 'zh-CN' },
      command: 'dandang',
      args: `audit ${w.emp.id}`,
      mentions: [w.emp.id],
    });
    expect(reply.kind).toBe('ok');
    const text = reply.kind === 'ok' ? textOf(reply.message!) : '';
    expect(text).toContain(`谁查看过${w.emp.name}的记录`);
    expect(text).toContain(`${w.m1.name} · 个人记录（/review mine）`);
    const refused = await router.dispatch({
      kind: 'command',
      actor: { person: w.m1, platform: 'slack', locale: 'en' },
      command: 'dandang',
      args: `audit ${w.emp.id}`,
      mentions: [w.emp.id],
    });
    expect(refused).toEqual({
      kind: 'error',
      code: 'NOT_AUTHORIZED',
      text: 'Only HR can see who opened someone’s records.',
    });
  });
});
