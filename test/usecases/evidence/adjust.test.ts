import { describe, it, expect, afterEach } from 'vitest';
import {
  makeEvidenceWorld,
  valueOf,
  codeOf,
  snapshot,
  outboxRows,
  buttonsOf,
  textOf,
  type EvidenceWorld,
} from './support.js';
import { makeOpenJobAdjustmentForm } from '../../../src/usecases/evidence/open-job-adjustment-form.js';
import { makeAdjustJob } from '../../../src/usecases/evidence/adjust-job.js';
import { makeApplyJobAdjustments } from '../../../src/usecases/schedule/apply-job-adjustments.js';
import { makeAcknowledgeJobAdjustment } from '../../../src/usecases/evidence/acknowledge-job-adjustment.js';
import { ACTIONS } from '../../../src/ui/actions.js';

let w: EvidenceWorld;
afterEach(() => w.db.cleanup());

describe('job adjustment (调岗)', () => {
  it('opens with the named job selected and the current job’s KPIs to cite', () => {
    w = makeEvidenceWorld();
    const form = valueOf(
      makeOpenJobAdjustmentForm(w.deps)({ actorId: w.hr.id, personId: w.emp.id, toJobId: 'support' }),
    );
    const toJob = form.inputs.find((i) => i.id === 'to_job');
    expect(toJob?.kind === 'select' && toJob.initial).toBe('support');
    expect(toJob?.kind === 'select' && toJob.options.map((o) => o.value)).not.toContain('engineer');
    expect(
      codeOf(makeOpenJobAdjustmentForm(w.deps)({ actorId: w.m2.id, personId: w.emp.id, toJobId: 'support' })),
    ).toBe('NOT_AUTHORIZED');
    expect(codeOf(makeOpenJobAdjustmentForm(w.deps)({ actorId: w.hr.id, personId: undefined }))).toBe('INVALID_INPUT');
  });

  it('requires the reason to name the performance gap, a different job and a date not in the past', () => {
    w = makeEvidenceWorld();
    const before = snapshot(w.db);
    const r = makeAdjustJob(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: { to_job: 'engineer', kpis: [], reason: '  ', effective_on: '2026-11-01' },
    });
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual(['effective_on', 'reason', 'to_job']);
    const unknown = makeAdjustJob(w.deps)({
      actorId: w.m1.id,
      personId: w.emp.id,
      values: { to_job: 'pilot', kpis: ['bogus'], reason: 'x', effective_on: '2026-12-01' },
    });
    expect(!unknown.ok && Object.keys(unknown.fieldErrors ?? {}).sort()).toEqual(['kpis', 'to_job']);
    expect(
      codeOf(
        makeAdjustJob(w.deps)({
          actorId: w.m2.id,
          personId: w.emp.id,
          values: { to_job: 'support', kpis: ['tickets'], reason: '', effective_on: '2026-12-01' },
        }),
      ),
    ).toBe('NOT_AUTHORIZED');
    expect(snapshot(w.db)).toEqual(before);
  });

  it('a missed KPI alone names the gap; the job changes on the effective date, audited, and the employee acknowledges', async () => {
    w = makeEvidenceWorld();
    const { adjustment, applied } = valueOf(
      makeAdjustJob(w.deps)({
        actorId: w.m1.id,
        personId: w.emp.id,
        values: { to_job: 'support', kpis: ['tickets'], reason: '', effective_on: '2026-12-01' },
      }),
    );
    expect(applied).toBe(false);
    expect(adjustment).toMatchObject({
      fromJobId: 'engineer',
      toJobId: 'support',
      kpiKeys: ['tickets'],
      effectiveOn: '2026-12-01',
      appliedAt: null,
    });
    const [dm] = outboxRows(w.db.conn.sqlite, `job-adjustment:${adjustment.id}:employee`);
    expect(textOf(dm!.message)).toContain('Tickets closed');
    expect(buttonsOf(dm!.message).map((b) => b.actionId)).toEqual([ACTIONS.acknowledgeJobAdjustment]);
    expect(
      valueOf(makeAcknowledgeJobAdjustment(w.deps)({ actorId: w.emp.id, adjustmentId: adjustment.id })).acknowledgment
        .state,
    ).toBe('acknowledged');

    const apply = makeApplyJobAdjustments(w.deps);
    w.db.clock.set('2026-11-30T15:59:00Z'); // 23:59 on Nov 30 in Shanghai
    expect(await apply()).toBe(0);
    expect(w.person(w.emp.id).jobId).toBe('engineer');
    w.db.clock.set('2026-11-30T16:01:00Z'); // 00:01 on Dec 1 in Shanghai
    expect(await apply()).toBe(1);
    expect(await apply()).toBe(0);
    expect(w.person(w.emp.id).jobId).toBe('support');
    expect(w.audits('job_adjustment.create')).toHaveLength(1);
    expect(w.audits('job_adjustment.apply')).toMatchObject([{ subject_type: 'person', subject_id: w.emp.id }]);
    // Later reviews use the new job's KPIs, which the employee is asked to acknowledge.
    expect(outboxRows(w.db.conn.sqlite, `kpis:support@1:${w.emp.id}`)).toHaveLength(1);
  });

  it('applies at once when the effective date is today', () => {
    w = makeEvidenceWorld();
    const { applied } = valueOf(
      makeAdjustJob(w.deps)({
        actorId: w.hr.id,
        personId: w.emp.id,
        values: {
          to_job: 'support',
          reason: 'Cannot keep up with ticket volume (28 vs 40).',
          effective_on: '2026-11-23',
        },
      }),
    );
    expect(applied).toBe(true);
    expect(w.person(w.emp.id).jobId).toBe('support');
  });
});
