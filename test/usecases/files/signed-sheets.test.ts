/**
 * The cn-art40 option "training attendance must have a signed sheet" (`signedSheets`, off by
 * default): the remedy line of an open case stays ❌, saying why, until a file is attached to each
 * session of the training; the manager's record view offers Attach sign-in sheet per held session.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeAttachFiles } from '../../../src/usecases/files/attach-files.js';
import { makeViewMyRecord } from '../../../src/usecases/evidence/view-my-record.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import {
  DAY,
  ackKpis,
  addNote,
  addReview,
  addTraining,
  checklist,
  latestRoot,
  textOf,
} from '../offboarding/support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

const REMEDY = 'Remedy after the first failing review (training attended or job adjustment)';

function setup(signedSheets: boolean) {
  db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
  const base = testSettings({ timezone: 'Asia/Shanghai' });
  const settings: AppSettings = {
    ...base,
    policy: signedSheets
      ? { preset: 'cn-art40', overrides: { evidence: { remedy: { conditions: { signedSheets: true } } } } }
      : { preset: 'cn-art40' },
  };
  const org = seedTeams(db.store, { managers: 1, reportsPerManager: 1 });
  const e = org.reports[0]![0]!.id;
  const m = org.managers[0]!.id;
  ackKpis(db, settings, e);
  db.clock.advance(7 * DAY);
  addReview(db, settings, { employeeId: e, authorId: m, label: '2026-W24' });
  db.clock.advance(7 * DAY);
  addReview(db, settings, { employeeId: e, authorId: m, label: '2026-W25' });
  db.clock.advance(DAY);
  addNote(db, settings, {
    personId: e,
    authorId: m,
    kind: 'one_on_one',
    discussion: 'Backlog',
    response: 'acknowledged',
  });
  addNote(db, settings, {
    personId: e,
    authorId: m,
    kind: 'feedback',
    discussion: '30 vs 40',
    response: 'acknowledged',
  });
  db.clock.advance(DAY);
  const plan = addTraining(db, settings, { personId: e, createdBy: m });
  const deps = { store: db.store, clock: db.clock, settings };
  const opened = makeOpenOffboarding(deps)({ actorId: 'hr', employeeId: e, reasonKind: 'performance', reasonText: '' });
  if (!opened.ok) throw new Error(opened.message);
  const sessionId = db.store.read((tx) => tx.evidence.plan(plan)!.sessions[0]!.id);
  return { deps, e, m, plan, sessionId, caseId: opened.value.caseId };
}

const remedyOk = (caseId: number) => checklist(latestRoot(db.conn.sqlite, caseId)).find((i) => i.label === REMEDY)!.ok;
const sheet = {
  sha256: createHash('sha256').update('sheet').digest('hex'),
  name: '签到表.pdf',
  mime: 'application/pdf',
  size: 5,
};

describe('signedSheets (cn-art40 option)', () => {
  it('is off by default: attended training counts without a file', () => {
    const s = setup(false);
    expect(remedyOk(s.caseId)).toBe(true);
  });

  it('keeps the remedy ❌ until the session has its signed sheet, then turns it ✅', () => {
    const s = setup(true);
    expect(remedyOk(s.caseId)).toBe(false);
    expect(textOf(latestRoot(db.conn.sqlite, s.caseId))).toContain(
      '1 of its 1 sessions have no signed sign-in sheet attached (Attach sign-in sheet on the plan).',
    );

    // The manager sees Attach sign-in sheet for the held session on the plan in their view of the record.
    const view = makeViewMyRecord(s.deps)({ actorId: s.m, personId: s.e });
    if (!view.ok) throw new Error(view.message);
    const sheetButton = view.value.blocks
      .flatMap((b) => (b.type === 'actions' ? b.buttons : []))
      .find((b) => b.actionId === ACTIONS.attachFile && b.value === `training_session:${s.sessionId}`);
    expect(sheetButton?.label).toMatch(/^Attach sign-in sheet \(\d{4}-\d{2}-\d{2}\)$/);

    const r = makeAttachFiles(s.deps)({
      actorId: s.m,
      subject: `training_session:${s.sessionId}`,
      files: [sheet],
      via: 'local',
    });
    expect(r.ok).toBe(true);
    expect(remedyOk(s.caseId)).toBe(true);

    // Once it has its sheet, the session no longer asks for one.
    const after = makeViewMyRecord(s.deps)({ actorId: s.m, personId: s.e });
    if (!after.ok) throw new Error(after.message);
    expect(
      after.value.blocks
        .flatMap((b) => (b.type === 'actions' ? b.buttons : []))
        .some((b) => b.value === `training_session:${s.sessionId}`),
    ).toBe(false);
  });
});
