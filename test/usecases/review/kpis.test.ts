import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedOrg, testSettings } from '../../support/org.js';
import { makeStartCycle } from '../../../src/usecases/review/start-cycle.js';
import { makeOpenReviewForm } from '../../../src/usecases/review/open-review-form.js';
import { makeDefineKpis } from '../../../src/usecases/review/define-kpis.js';
import { makeOpenKpiForm } from '../../../src/usecases/review/open-kpi-form.js';
import { makeAcknowledgeKpis } from '../../../src/usecases/review/acknowledge-kpis.js';
import { count, snapshot, outboxRows, textOf, buttonsOf } from './support.js';
import { FORMS, ACTIONS } from '../../../src/ui/actions.js';
import { decodeKpiFormState } from '../../../src/ui/screens/review/kpi-form.js';
import { parseKpiSubjectId } from '../../../src/domain/kpi.js';

describe('defining and acknowledging KPIs', () => {
  let db: TestDb;
  const settings = testSettings();
  let deps: { store: TestDb['store']; clock: TestDb['clock']; settings: typeof settings };

  beforeEach(async () => {
    db = makeTestDb({ now: '2026-11-23T10:00:00Z' });
    deps = { store: db.store, clock: db.clock, settings };
    seedOrg(db.store, {
      jobs: [{ id: 'designer', title: 'Designer' }],
      people: [
        { id: 'hr', role: 'hr', jobId: null },
        { id: 'boss', name: 'Bea Boss', jobId: null },
        { id: 'other', name: 'Otto Other', jobId: null },
        { id: 'dan', name: 'Dan Designer', managerId: 'boss', jobId: 'designer', locale: 'zh-CN' },
        { id: 'dee', name: 'Dee Designer', managerId: 'other', jobId: 'designer' },
      ],
    });
    await makeStartCycle(deps)({ actorId: 'hr' });
  });
  afterEach(() => db.cleanup());

  it('asks for KPIs first, then every holder acknowledges the version, then the review form opens', async () => {
    const opened = await makeOpenReviewForm(deps)({ actorId: 'boss', employeeId: 'dan' });
    const form = opened.ok ? opened.value : null;
    expect(form?.formId).toBe(FORMS.defineKpis);
    expect(textOf({ text: '', blocks: form!.intro! })).toContain('**Designer** has no KPIs yet');

    const define = makeDefineKpis(deps);
    const before = snapshot(db.conn.sqlite);
    const bad = await define({
      actorId: 'boss',
      ...decodeKpiFormState(form!.state)!,
      values: {
        kpis: 'mockups | Mockups shipped | per week | 5 | higher\nrevisions | Revisions | | lots | lower\noops',
      },
    });
    expect(!bad.ok && bad.fieldErrors).toEqual({
      kpis: 'Line 2: the target must be a number.\nLine 3: write 5 parts separated by |: key | name | unit | target | higher/lower (then optionally | min | max).',
    });
    expect(snapshot(db.conn.sqlite)).toEqual(before);

    const outsider = await define({
      actorId: 'dee',
      ...decodeKpiFormState(form!.state)!,
      values: { kpis: 'a | A | | 1 | higher' },
    });
    expect(!outsider.ok && outsider.code).toBe('NOT_AUTHORIZED');

    const saved = await define({
      actorId: 'boss',
      ...decodeKpiFormState(form!.state)!,
      values: {
        kpis: 'mockups | Mockups shipped | per week | 5 | higher\nrevisions｜Revision rounds｜per mockup｜2｜lower',
      },
    });
    const next = saved.ok && 'next' in saved.value ? saved.value.next : null;
    expect(next?.formId).toBe(FORMS.review);
    expect(next?.inputs.slice(0, 2).map((i) => i.id)).toEqual(['kpi_mockups', 'kpi_revisions']);
    expect(count(db.conn.sqlite, 'audit_log', "action = 'kpis.change' AND actor_id = 'boss'")).toBe(1);

    // Both holders are asked, whoever their manager is; Dan in Chinese.
    const asks = outboxRows(db.conn.sqlite, 'kpis:designer@1:%');
    expect(asks.map((a) => a.key).sort()).toEqual(['kpis:designer@1:dan', 'kpis:designer@1:dee']);
    const dans = asks.find((a) => a.key.endsWith(':dan'))!;
    expect(textOf(dans.message)).toContain('你的 KPI：Designer（第 1 版）');
    expect(textOf(dans.message)).toContain('**Revision rounds**：≤ 2 per mockup');
    const button = buttonsOf(dans.message)[0]!;
    expect(button).toMatchObject({ actionId: ACTIONS.acknowledgeKpis, value: 'designer@1' });

    const ack = makeAcknowledgeKpis(deps);
    const wrongPerson = await ack({ actorId: 'boss', ...parseKpiSubjectId(button.value)! });
    expect(!wrongPerson.ok && wrongPerson.code).toBe('NOT_AUTHORIZED');
    expect((await ack({ actorId: 'dan', ...parseKpiSubjectId(button.value)! })).ok).toBe(true);
    expect((await ack({ actorId: 'dan', ...parseKpiSubjectId(button.value)! })).ok).toBe(true); // a double click is harmless
    expect(
      db.conn.sqlite.prepare('SELECT subject_type, subject_id, person_id, state FROM acknowledgments').all(),
    ).toEqual([{ subject_type: 'kpis', subject_id: 'designer@1', person_id: 'dan', state: 'acknowledged' }]);
    expect(textOf(outboxRows(db.conn.sqlite, 'kpis:designer@1:dan#update%')[0]!.message)).toContain(
      '你已确认第 1 版 KPI',
    );

    // A change makes version 2 and asks again; the same set again is a no-op.
    const kpiForm = await makeOpenKpiForm(deps)({ actorId: 'hr', jobId: 'designer' });
    const kf = kpiForm.ok ? kpiForm.value : null;
    expect(kf?.inputs[0]?.kind === 'text' && kf.inputs[0].initial).toBe(
      'mockups | Mockups shipped | per week | 5 | higher\nrevisions | Revision rounds | per mockup | 2 | lower',
    );
    const v2 = await define({
      actorId: 'hr',
      ...decodeKpiFormState(kf!.state)!,
      values: { kpis: 'mockups | Mockups shipped | per week | 6 | higher' },
    });
    expect(v2.ok && 'confirmation' in v2.value && v2.value.confirmation).toBe(
      'KPIs of Designer saved as version 2. 2 people were asked to acknowledge them.',
    );
    const same = await define({
      actorId: 'hr',
      ...decodeKpiFormState(kf!.state)!,
      values: { kpis: 'mockups | Mockups shipped | per week | 6 | higher' },
    });
    expect(same.ok && 'confirmation' in same.value && same.value.confirmation).toBe(
      'The KPIs of Designer are unchanged.',
    );
    expect(count(db.conn.sqlite, 'outbox', "key LIKE 'kpis:designer@2:%'")).toBe(2);
  });
});
