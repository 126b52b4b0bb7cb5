/**
 * The appeal's "Heard by" is searched, not listed: anyone eligible in an organisation of any size
 * can be found by name (Chinese too), email or department, only by someone who may record the
 * appeal, and the submit resolves and judges the choice again from the database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { testSettings } from '../../support/org.js';
import { CROWD_SIZE, openAppealCase, seedAppealOrg, ZOE } from '../../support/appeal-case.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import { makeSearchAppealHearers } from '../../../src/usecases/offboarding/search-appeal-hearers.js';
import { makeOpenCaseStepForm } from '../../../src/usecases/offboarding/open-case-step-form.js';
import { makeAdvanceCaseStep } from '../../../src/usecases/offboarding/advance-case-step.js';
import { count } from './support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function setup(locale: 'en' | 'zh-CN' = 'en') {
  db = makeTestDb({ now: '2026-06-30T04:00:00Z' });
  const settings: AppSettings = {
    ...testSettings({ timezone: 'UTC', locale }),
    policy: { preset: 'uk-capability', overrides: {} },
  };
  const deps = { store: db.store, clock: db.clock, settings };
  seedAppealOrg(db.store);
  const caseId = openAppealCase(deps, db.store);
  const search = makeSearchAppealHearers(deps);
  const find = (query: string, actorId = 'hr') => search({ actorId, caseId, stepId: 'appeal', query });
  const values = (query: string, actorId = 'hr') => {
    const r = find(query, actorId);
    return r.ok ? r.value.map((o) => o.value) : r;
  };
  const advance = makeAdvanceCaseStep(deps);
  const appeal = (heardBy: string) =>
    advance({ actorId: 'hr', caseId, stepId: 'appeal', outcome: 'upheld', heardBy, date: '2026-06-29' });
  return { caseId, deps, find, values, appeal };
}

describe('search appeal hearers', () => {
  it('finds someone beyond the first hundred by name, email or department, at most a hundred at once', () => {
    const h = setup();
    const eligible = db.store.read((tx) => tx.org.activePeople()).length - 3; // the employee, m1, hr
    expect(eligible).toBeGreaterThan(100);
    expect(h.values('zoë')).toEqual([ZOE.id]);
    expect(h.values('zoe.zhang@')).toEqual([ZOE.id]);
    expect(h.values('legal')).toEqual([ZOE.id]);
    // Full-width letters, as a Chinese keyboard may type them, are the same letters.
    expect(h.values('ＺＨＡＮＧ')).toEqual([ZOE.id]);
    const ops = h.values('ops person');
    expect(Array.isArray(ops) && ops.length).toBe(100);
    expect(CROWD_SIZE).toBeGreaterThan(100);
  });

  it('finds Chinese names by a surname, and narrows by department; labels tell two of one name apart', () => {
    const h = setup();
    expect(h.values('王')).toEqual(expect.arrayContaining(['wf1', 'wf2', 'ww']));
    expect((h.values('王') as string[]).length).toBe(3);
    expect(h.values('王 财务')).toEqual(expect.arrayContaining(['ww', 'wf1']));
    expect((h.values('王 财务') as string[]).length).toBe(2);
    const wangs = h.find('王芳');
    expect(wangs.ok && wangs.value.map((o) => o.label)).toEqual([
      '王芳 (市场部, fang.wang2@example.com)',
      '王芳 (财务部, wang.fang@example.com)',
    ]);
  });

  it('never suggests anyone who took part in the case', () => {
    const h = setup();
    expect(h.values('Manager 1')).toEqual([]); // the employee's manager
    expect(h.values('Hana')).toEqual([]); // she opened the case
    expect(h.values('Alice 1.1')).toEqual([]); // the employee
    expect(h.values('Manager 2')).toEqual(['m2']);
  });

  it('gives nothing to someone who may not record the appeal, and records nothing of the attempt', () => {
    const h = setup();
    const before = count(db.conn.sqlite, 'audit_log');
    expect(h.find('zoe', 'm2r1')).toMatchObject({ ok: false, code: 'NOT_AUTHORIZED' }); // not on the case
    expect(h.find('zoe', 'm1')).toMatchObject({ ok: false, code: 'NOT_AUTHORIZED' }); // the manager: HR's step
    expect(h.find('zoe', 'nobody')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const search = makeSearchAppealHearers(h.deps);
    expect(search({ actorId: 'hr', caseId: h.caseId, stepId: 'close', query: 'zoe' })).toMatchObject({ ok: false });
    expect(search({ actorId: 'hr', caseId: Number.NaN, stepId: 'appeal', query: 'zoe' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(count(db.conn.sqlite, 'audit_log')).toBe(before);
  });

  it('opens the form with a search field instead of a list', () => {
    const h = setup();
    const form = makeOpenCaseStepForm(h.deps)({ actorId: 'hr', caseId: h.caseId, stepId: 'appeal' });
    const heardBy = form.ok ? form.value.inputs.find((i) => i.id === 'heard_by') : null;
    expect(heardBy).toMatchObject({ kind: 'select', options: [], search: { minQueryLength: 1 } });
  });
});

describe('the appeal submit resolves the hearer again', () => {
  const heardByOf = (caseId: number) =>
    db.store.read((tx) => tx.cases.events(caseId)).find((e) => e.step === 'appeal' && e.outcome !== 'refused')?.detail
      .heardBy;

  it('takes a picked id', () => {
    const h = setup();
    expect(h.appeal(ZOE.id)).toMatchObject({ ok: true });
    expect(heardByOf(h.caseId)).toBe(ZOE.id);
  });

  it('takes a typed email or whole name that names one person, and records their id', () => {
    const h = setup();
    expect(h.appeal(' ZOE.ZHANG@example.com ')).toMatchObject({ ok: true });
    expect(heardByOf(h.caseId)).toBe(ZOE.id);
  });

  it('names the candidates of a typed name that fits several, and records nothing', () => {
    const h = setup();
    const r = h.appeal('王芳');
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!r.ok && r.fieldErrors?.heard_by).toBe(
      '“王芳” could be: 王芳 (市场部, fang.wang2@example.com); 王芳 (财务部, wang.fang@example.com). Type the email of the one you mean.',
    );
    expect(h.appeal('王')).toMatchObject({ ok: false, fieldErrors: { heard_by: expect.stringContaining('王伟') } });
    expect(heardByOf(h.caseId)).toBeUndefined();
  });

  it('refuses someone involved, typed or picked, and someone nobody is', () => {
    const h = setup();
    expect(h.appeal('Manager 1')).toMatchObject({
      ok: false,
      fieldErrors: { heard_by: 'Manager 1 took part in this case before; the appeal needs someone not involved.' },
    });
    expect(h.appeal('m1')).toMatchObject({
      ok: false,
      fieldErrors: { heard_by: expect.stringContaining('took part') },
    });
    expect(h.appeal('nobody at all')).toMatchObject({
      ok: false,
      fieldErrors: {
        heard_by: 'Nobody who may hear the appeal matches “nobody at all”. Type a name, an email or a department.',
      },
    });
    expect(heardByOf(h.caseId)).toBeUndefined();
  });

  it('says it in Chinese with full-width punctuation', () => {
    const h = setup('zh-CN');
    const r = h.appeal('王芳');
    expect(!r.ok && r.fieldErrors?.heard_by).toBe(
      '“王芳”可能是：王芳（市场部，fang.wang2@example.com）；王芳（财务部，wang.fang@example.com）。请输入所指人员的邮箱。',
    );
  });
});
