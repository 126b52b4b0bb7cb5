import { describe, expect, it } from 'vitest';
import {
  canAdvance,
  emptyFacts,
  evaluateEvidence,
  preset,
  resolvePolicy,
  PolicyError,
  type CaseState,
} from '../../../src/domain/policy/index.js';

import { NOW, ago, date, review, cnComplete, usComplete, ukComplete } from './fixtures.js';

describe('evaluateEvidence: cn-art40', () => {
  const cn = preset('cn-art40');

  it('lists every item as missing for an employee with no history', () => {
    const e = evaluateEvidence(cn, emptyFacts('e1'), NOW);
    expect(e.complete).toBe(false);
    expect(e.items.map((i) => [i.id, i.ok, i.found, i.required, i.windowDays])).toEqual([
      ['kpi_defined', false, 0, 1, 3650],
      ['kpi_acknowledged', false, 0, 1, 3650],
      ['below_target_review', false, 0, 2, 180],
      ['conversation', false, 0, 2, 180],
      ['remedy', false, 0, 1, 180],
      ['reassessment_failed', false, 0, 1, 180],
    ]);
    expect(e.items.find((i) => i.id === 'reassessment_failed')!.waitingFor).toBe('remedy');
  });

  it('is complete with the full record, and names the records it counted', () => {
    const e = evaluateEvidence(cn, cnComplete(), NOW);
    expect(e.complete).toBe(true);
    const byId = Object.fromEntries(e.items.map((i) => [i.id, i]));
    expect(byId.below_target_review!.records.map((r) => [r.type, r.id, r.ack])).toEqual([
      ['review', '1', 'acknowledged'],
      ['review', '2', 'disputed'],
    ]);
    expect(byId.conversation!.records.map((r) => r.id)).toEqual(['11', '12']);
    expect(byId.remedy!.records.map((r) => [r.type, r.id])).toEqual([['training_plan', '7']]);
    expect(byId.reassessment_failed!.records.map((r) => r.id)).toEqual(['3']);
  });

  it('does not count a review the employee never responded to, and says it waits for them', () => {
    const f = cnComplete();
    f.reviews[1] = review(2, 140, { ack: null });
    const item = evaluateEvidence(cn, f, NOW).items.find((i) => i.id === 'below_target_review')!;
    expect(item).toMatchObject({ ok: false, found: 1, awaitingResponse: 1 });
  });

  it('drops records outside the window', () => {
    const f = cnComplete();
    f.reviews[0] = review(1, 200);
    expect(evaluateEvidence(cn, f, NOW).items.find((i) => i.id === 'below_target_review')).toMatchObject({
      ok: false,
      found: 1,
    });
  });

  it('counts a remedy only after the first failing review, and a reassessment only on the same KPIs', () => {
    const early = cnComplete();
    early.trainings[0]!.at = ago(160);
    expect(evaluateEvidence(cn, early, NOW).items.find((i) => i.id === 'remedy')!.ok).toBe(false);

    const other = cnComplete();
    other.reviews[2] = review(3, 20, { kind: 'reassessment', kpiKeys: ['quality'] });
    expect(evaluateEvidence(cn, other, NOW).items.find((i) => i.id === 'reassessment_failed')!.ok).toBe(false);
  });

  it('with signedSheets on, training counts only once every session has its signed sheet attached', () => {
    const withSheets = resolvePolicy({
      preset: 'cn-art40',
      overrides: { evidence: { remedy: { conditions: { signedSheets: true } } } },
    });
    // Off by default: the preset asks for attendance, not a file.
    expect(evaluateEvidence(cn, cnComplete(), NOW).items.find((i) => i.id === 'remedy')!.ok).toBe(true);
    const f = cnComplete();
    f.trainings[0]!.sessions[0]!.sheetAt = ago(129);
    const missing = evaluateEvidence(withSheets, f, NOW).items.find((i) => i.id === 'remedy')!;
    expect(missing.ok).toBe(false);
    expect(missing.rejected).toEqual([
      {
        record: expect.objectContaining({ type: 'training_plan', id: '7' }),
        reason: { rule: 'no_signed_sheet', days: 2 },
      },
    ]);
    for (const s of f.trainings[0]!.sessions) s.sheetAt = ago(118);
    expect(evaluateEvidence(withSheets, f, NOW).items.find((i) => i.id === 'remedy')!.ok).toBe(true);
  });

  it('a witnessed refusal counts only when the policy says so', () => {
    const strict = resolvePolicy({
      preset: 'cn-art40',
      overrides: { evidence: { conversation: { conditions: { refusalCounts: false } } } },
    });
    expect(evaluateEvidence(strict, cnComplete(), NOW).items.find((i) => i.id === 'conversation')).toMatchObject({
      ok: false,
      found: 1,
      awaitingResponse: 1,
    });
  });

  it('reports active protected statuses as blockers', () => {
    const f = {
      ...cnComplete(),
      protectedStatuses: [
        { id: 1, kind: 'pregnancy', startsOn: date(10), endsOn: null },
        { id: 2, kind: 'medical_treatment', startsOn: date(100), endsOn: date(50) },
      ],
    };
    expect(evaluateEvidence(cn, f, NOW).blockers.map((b) => b.id)).toEqual(['pregnancy_maternity_nursing']);
  });
});

describe('evaluateEvidence: us-pip and uk-capability', () => {
  it('us-pip needs a PIP with signed receipt and a failure no earlier than its stated end', () => {
    const us = preset('us-pip');
    const f = usComplete();
    expect(evaluateEvidence(us, f, NOW).complete).toBe(true);
    f.reviews[2] = review(3, 60, { ack: null });
    expect(evaluateEvidence(us, f, NOW).items.find((i) => i.id === 'pip_failed')!.ok).toBe(false);
  });

  it('uk-capability needs a conversation, then three formal stages, then a failed final review', () => {
    const uk = preset('uk-capability');
    const f = ukComplete();
    expect(evaluateEvidence(uk, f, NOW).complete).toBe(true);
    f.notes.pop();
    expect(evaluateEvidence(uk, f, NOW).items.find((i) => i.id === 'final_written_warning')).toMatchObject({
      ok: false,
      found: 0,
      required: 1,
    });
  });
});

describe('canAdvance', () => {
  const cn = preset('cn-art40');
  const state = (o: Partial<CaseState> = {}): CaseState => ({
    reason: 'performance',
    status: 'open',
    stepIndex: 0,
    confirmations: {},
    ...o,
  });
  const hr = { personId: 'hr', isManager: false, isHr: true };
  const manager = { personId: 'm1', isManager: true, isHr: false };
  const complete = evaluateEvidence(cn, cnComplete(), NOW);
  const empty = evaluateEvidence(cn, emptyFacts('e1'), NOW);

  it('refuses HR confirming for the manager, whatever the evidence', () => {
    expect(canAdvance(cn, state(), 'manager_confirms', hr, complete)).toMatchObject({
      ok: false,
      code: 'NOT_AUTHORIZED',
    });
  });

  it('refuses HR approval with the earlier step and every missing item listed', () => {
    const d = canAdvance(cn, state(), 'hr_approves', hr, empty);
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.code).toBe('EVIDENCE_MISSING');
    expect(
      d.missing.map((m) => (m.kind === 'evidence' ? m.item.id : m.kind === 'step' ? `step:${m.stepId}` : m.kind)),
    ).toEqual([
      'step:manager_confirms',
      'kpi_defined',
      'kpi_acknowledged',
      'below_target_review',
      'conversation',
      'remedy',
      'reassessment_failed',
    ]);
  });

  it('lets the manager confirm with complete evidence, and needs both attendees for the meeting', () => {
    expect(canAdvance(cn, state(), 'manager_confirms', manager, complete)).toMatchObject({
      ok: true,
      completesStep: true,
    });
    const meeting = state({ stepIndex: 4 });
    expect(canAdvance(cn, meeting, 'meeting_held', hr, complete)).toMatchObject({
      ok: true,
      role: 'hr',
      completesStep: false,
    });
    expect(
      canAdvance(cn, state({ stepIndex: 4, confirmations: { hr: 'hr' } }), 'meeting_held', manager, complete),
    ).toMatchObject({ ok: true, role: 'manager', completesStep: true });
    expect(
      canAdvance(cn, state({ stepIndex: 4, confirmations: { hr: 'hr' } }), 'meeting_held', hr, complete),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('blocks the notice step on a protected status', () => {
    const blocked = {
      ...complete,
      blockers: [
        { id: 'pregnancy_maternity_nursing', statusKind: 'pregnancy', statusId: 1, since: '2026-06-01', until: null },
      ],
    };
    expect(canAdvance(cn, state({ stepIndex: 5 }), 'notice_issued', hr, blocked)).toMatchObject({
      ok: false,
      code: 'BLOCKED',
    });
    expect(canAdvance(cn, state({ stepIndex: 4 }), 'meeting_held', hr, blocked).ok).toBe(true);
  });
});

describe('resolvePolicy', () => {
  it('deep-merges config overrides into the preset', () => {
    const p = resolvePolicy({ preset: 'cn-art40', overrides: { evidence: { below_target_review: { count: 3 } } } });
    expect(p.evidence.below_target_review).toMatchObject({ count: 3, windowDays: 180 });
    expect(p.steps.map((s) => s.id)).toEqual(preset('cn-art40').steps.map((s) => s.id));
  });

  it('accepts a custom policy file that extends a preset', () => {
    const p = resolvePolicy({
      preset: 'cn-art40',
      file: {
        name: 'policy.yml',
        text: 'extends: us-pip\nid: acme-pip\nversion: "3"\nevidence:\n  below_target_review:\n    windowDays: 120\n',
      },
    });
    expect(p).toMatchObject({ id: 'acme-pip', version: '3' });
    expect(p.evidence.below_target_review!.windowDays).toBe(120);
    expect(p.evidence.pip).toBeDefined();
  });

  it('names the file and the path of an invalid field', () => {
    expect(() =>
      resolvePolicy({
        preset: 'cn-art40',
        file: { name: 'policy.yml', text: 'extends: cn-art40\nevidence:\n  conversation:\n    count: 0\n' },
      }),
    ).toThrow(/policy\.yml evidence\.conversation\.count: count must be at least 1/);
    expect(() =>
      resolvePolicy({ preset: 'cn-art40', overrides: { evidence: { remedy: { conditions: { after: 'nothing' } } } } }),
    ).toThrow(PolicyError);
    expect(() =>
      resolvePolicy({ preset: 'cn-art40', overrides: { evidence: { remedy: { conditions: { after: 'nothing' } } } } }),
    ).toThrow(/evidence\.remedy\.conditions\.after/);
  });

  it('refuses a step that waits for the date of a step that records none, or of a later one', () => {
    const steps = preset('uk-capability').steps.map((st) =>
      st.id === 'meeting_held' ? { ...st, notBeforeDateOf: 'blockers_check' } : st,
    );
    expect(() =>
      resolvePolicy({
        preset: 'uk-capability',
        file: { name: 'p.json', text: JSON.stringify({ extends: 'uk-capability', steps }) },
      }),
    ).toThrow(
      /p\.json steps\.4\.notBeforeDateOf: "blockers_check" is not an earlier step of this path that records a date/,
    );
  });
});
