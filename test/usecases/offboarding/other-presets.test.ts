import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeAdvanceCaseStep } from '../../../src/usecases/offboarding/advance-case-step.js';
import { DAY, ackKpis, addNote, addReview, checklistLines, latestRoot, textOf } from './support.js';

let db: TestDb;
afterEach(() => db?.cleanup());

function setup(preset: 'us-pip' | 'uk-capability') {
  db = makeTestDb({ now: '2026-03-02T15:00:00Z' });
  const base = testSettings({ timezone: 'UTC' });
  const settings: AppSettings = {
    ...base,
    policy: { preset, overrides: {} },
    severance: { currency: preset === 'us-pip' ? 'USD' : 'GBP' },
  };
  const org = seedTeams(db.store, { managers: 1, reportsPerManager: 1 });
  const employee = org.reports[0]![0]!;
  db.store.tx((tx) => tx.org.upsertPerson({ ...employee, hireDate: '2022-11-01', monthlyWage: 8_000 }));
  const deps = { store: db.store, clock: db.clock, settings };
  return {
    settings,
    e: employee.id,
    m: org.managers[0]!.id,
    open: makeOpenOffboarding(deps),
    advance: makeAdvanceCaseStep(deps),
  };
}

function runSteps(s: ReturnType<typeof setup>, caseId: number, steps: [string, string, object?][]) {
  for (const [actorId, stepId, extra] of steps) {
    db.clock.advance(DAY);
    const r = s.advance({ actorId, caseId, stepId, ...(extra ?? {}) });
    if (!r.ok) throw new Error(`${stepId} by ${actorId}: ${r.message}`);
  }
}

describe('us-pip scripted scenario', () => {
  it('needs a PIP with signed receipt and a documented failure, then reaches closed with OWBPA periods', () => {
    const s = setup('us-pip');
    const opened = s.open({
      actorId: 'hr',
      employeeId: s.e,
      reasonKind: 'performance',
      reasonText: 'Missed PIP goals',
    });
    if (!opened.ok) throw new Error(opened.message);
    const id = opened.value.caseId;
    expect(checklistLines(latestRoot(db.conn.sqlite, id))).toEqual([
      '✅ Written, quantified KPIs for the job',
      '❌ Reviews below target',
      '❌ Coaching about the gap, before the PIP',
      '❌ Improvement plan, receipt signed by the employee',
      '❌ Check-ins during the improvement plan, each received by the employee',
      '❌ Documented failure of the improvement plan',
    ]);

    addReview(db, s.settings, { employeeId: s.e, authorId: s.m, label: '2026-W10', response: null });
    db.clock.advance(7 * DAY);
    addReview(db, s.settings, { employeeId: s.e, authorId: s.m, label: '2026-W11', response: null });
    addNote(db, s.settings, {
      personId: s.e,
      authorId: s.m,
      kind: 'one_on_one',
      discussion: 'Coaching on ticket triage',
    });
    db.clock.advance(DAY);
    addNote(db, s.settings, {
      personId: s.e,
      authorId: s.m,
      kind: 'pip_kickoff',
      discussion: '30-day PIP: 40 tickets a week, check-ins every two weeks',
      response: 'disputed',
      comment: 'Receipt only; the goals ignore my on-call load.',
      terms: { pipDays: 30 },
    });
    const refused = s.advance({ actorId: s.m, caseId: id, stepId: 'manager_confirms' });
    expect(!refused.ok && refused.message).toContain(
      'Documented failure of the improvement plan: Manager 1 must record a review against the plan’s goals once the plan has run its stated length.',
    );

    // Check-ins every two weeks while the plan runs, each acknowledged by the employee.
    for (const days of [14, 14]) {
      db.clock.advance(days * DAY);
      addNote(db, s.settings, {
        personId: s.e,
        authorId: s.m,
        kind: 'pip_check_in',
        discussion: 'Check-in: 34 tickets last week',
        response: 'acknowledged',
      });
    }
    db.clock.advance(3 * DAY);
    addReview(db, s.settings, { employeeId: s.e, authorId: s.m, label: 'PIP end review', response: null });
    expect(checklistLines(latestRoot(db.conn.sqlite, id)).every((l) => l.startsWith('✅'))).toBe(true);

    runSteps(s, id, [
      [s.m, 'manager_confirms'],
      ['hr', 'hr_approves'],
      ['hr', 'protected_activity_check'],
      ['hr', 'legal_review'],
      ['hr', 'meeting_held'],
      [s.m, 'meeting_held'],
      ['hr', 'notice_issued'],
      ['hr', 'close'],
    ]);
    const text = textOf(latestRoot(db.conn.sqlite, id));
    expect(text).toContain('**Outcome:** closed on');
    expect(text).toMatch(
      /consider until \d{4}-\d{2}-\d{2} \(\d{4}-\d{2}-\d{2} for a group\), then 7 days to revoke \(OWBPA\)/,
    );
    expect(text).not.toContain('Severance N');
  });
});

describe('uk-capability scripted scenario', () => {
  it('needs standards, an informal stage, three formal stages after hearings and review periods, a failed final review, then s.86 notice and an appeal', () => {
    const s = setup('uk-capability');
    const opened = s.open({ actorId: 'hr', employeeId: s.e, reasonKind: 'performance', reasonText: 'Capability' });
    if (!opened.ok) throw new Error(opened.message);
    const id = opened.value.caseId;

    ackKpis(db, s.settings, s.e);
    addNote(db, s.settings, {
      personId: s.e,
      authorId: s.m,
      kind: 'one_on_one',
      discussion: 'Informal stage: targets explained',
      response: 'acknowledged',
    });
    /** A hearing invitation (stating the right to be accompanied), the hearing a week later, then the stage's document. */
    const stage = (kind: 'improvement_note' | 'first_written_warning' | 'final_written_warning', text: string) => {
      const hearingOn = new Date(db.clock.now() + 7 * DAY).toISOString().slice(0, 10);
      addNote(db, s.settings, {
        personId: s.e,
        authorId: s.m,
        kind: 'hearing_invitation',
        discussion: `Invitation to a capability hearing on ${hearingOn}`,
        response: 'acknowledged',
        terms: { stage: kind, hearingOn, accompanied: true },
      });
      db.clock.advance(7 * DAY);
      addNote(db, s.settings, {
        personId: s.e,
        authorId: s.m,
        kind,
        discussion: text,
        response: 'acknowledged',
        terms: { reviewPeriodDays: 90, ...(kind === 'final_written_warning' ? { dismissalRisk: true } : {}) },
      });
    };
    db.clock.advance(14 * DAY);
    stage('improvement_note', 'Improvement note: 40 tickets a week within 90 days');
    db.clock.advance(84 * DAY);
    stage('first_written_warning', 'First written warning: 40 tickets a week within 90 days');
    db.clock.advance(84 * DAY);
    stage('final_written_warning', 'Final written warning: dismissal may follow');
    expect(checklistLines(latestRoot(db.conn.sqlite, id)).filter((l) => l.startsWith('❌'))).toEqual([
      '❌ Final review after the final warning’s review period, still failing',
    ]);
    db.clock.advance(91 * DAY);
    addReview(db, s.settings, { employeeId: s.e, authorId: s.m, label: 'Final review' });
    expect(checklistLines(latestRoot(db.conn.sqlite, id)).every((l) => l.startsWith('✅'))).toBe(true);

    runSteps(s, id, [
      [s.m, 'manager_confirms'],
      ['hr', 'hr_approves'],
      ['hr', 'blockers_check'],
      ['hr', 'hearing_invited', { date: '2026-12-20', accompanied: true }],
      ['hr', 'meeting_held'],
      [s.m, 'meeting_held'],
      ['hr', 'notice_issued'],
      ['hr', 'appeal', { outcome: 'not_lodged', date: '2026-12-22' }],
      ['hr', 'close'],
    ]);
    const text = textOf(latestRoot(db.conn.sqlite, id));
    expect(text).toContain('**Outcome:** closed on');
    // Hired 2022-11-01, notice in December 2026: 4 full years → 4 weeks under s.86.
    expect(text).toMatch(/Notice given \d{4}-\d{2}-\d{2}; last day \d{4}-\d{2}-\d{2} \(28 days\)\./);
  });
});

describe('a custom policy file', () => {
  it('is read from settings.policy.file, merged with overrides, and stored on the case', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const s = setup('us-pip');
    const file = join(db.dir, 'acme-policy.yml');
    writeFileSync(file, 'extends: us-pip\nid: acme-pip\nversion: "7"\nevidence:\n  conversation:\n    count: 2\n');
    const settings: AppSettings = {
      ...s.settings,
      policy: {
        preset: 'us-pip',
        file: { name: file, text: readFileSync(file, 'utf8') }, // read when the config loads
        overrides: { evidence: { below_target_review: { count: 3 } } },
      },
    };
    const opened = makeOpenOffboarding({ store: db.store, clock: db.clock, settings })({
      actorId: 'hr',
      employeeId: s.e,
      reasonKind: 'performance',
      reasonText: '',
    });
    if (!opened.ok) throw new Error(opened.message);
    const text = textOf(latestRoot(db.conn.sqlite, opened.value.caseId));
    expect(text).toContain('(acme-pip 7)');
    expect(text).toContain(
      'Manager 1 must record a review of Alice 1.1 with the actual figures below target. 0 of the 3 needed are on record.',
    );
    expect(text).toContain(
      'Manager 1 must record a conversation with Alice 1.1 about the gap. 0 of the 2 needed are on record.',
    );
    const stored = db.conn.sqlite
      .prepare('SELECT policy_id AS id, policy_version AS v, policy_snapshot AS snap FROM cases')
      .get() as { id: string; v: string; snap: string };
    expect([stored.id, stored.v, JSON.parse(stored.snap).evidence.below_target_review.count]).toEqual([
      'acme-pip',
      '7',
      3,
    ]);
  });
});
