import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings, type SeededTeams } from '../../support/org.js';
import { makeRunWeeklyWarnings } from '../../../src/usecases/warning/run-weekly-warnings.js';
import { makeAddLeaves } from '../../../src/usecases/org/add-leaves.js';
import { makeViewMyRecord } from '../../../src/usecases/evidence/view-my-record.js';
import { ACTIONS } from '../../../src/ui/actions.js';
import { followUpValue } from '../../../src/ui/screens/evidence/follow-ups.js';
import { buttonsOf, count, outboxRows, textOf } from '../review/support.js';
import { seedWeeks, steady } from './support.js';
import { makeOpenOffboarding } from '../../../src/usecases/offboarding/open-offboarding.js';
import { makeExportDossier } from '../../../src/usecases/offboarding/export-dossier.js';
import { makeOpenScheduleConversationForm } from '../../../src/usecases/evidence/open-schedule-conversation-form.js';
import { makeScheduleConversation } from '../../../src/usecases/evidence/schedule-conversation.js';

// Monday 2026-03-16 11:00 UTC: week 2026-W12, after the default run time (Monday 10:00).
const NOW = '2026-03-16T11:00:00Z';
const TODAY = '2026-03-16';

describe('the weekly early-warning run', () => {
  let db: TestDb;
  let org: SeededTeams;
  const settings = testSettings();
  const run = () => makeRunWeeklyWarnings({ store: db.store, clock: db.clock, settings })();

  beforeEach(() => {
    db = makeTestDb({ now: NOW });
    org = seedTeams(db.store, { managers: 2, reportsPerManager: 3 });
    const [[a, b, c], [d, e, f]] = org.reports as [(typeof org.reports)[0], (typeof org.reports)[0]];
    seedWeeks(db.store, TODAY, [
      // Falling towards the target of 40, steadily: the trend warns before any miss.
      { person: a!, weeks: [56, 54, 50, 47, 44, 42].map((tickets) => ({ tickets })) },
      // Missed 2 of the last 3 weeks.
      { person: b!, weeks: [45, 45, 45, 45, 35, 38].map((tickets) => ({ tickets })) },
      { person: c!, weeks: steady(6) },
      { person: d!, weeks: steady(6) },
      { person: e!, weeks: steady(6) },
      // Last week's review was never written: Manager 2 has an overdue review.
      { person: f!, weeks: [...steady(5), null] },
    ]);
    const addLeaves = makeAddLeaves({ store: db.store, clock: db.clock, settings });
    const leave = (personId: string, from: string, to: string, kind: string) =>
      expect(addLeaves({ leave: { personId, startDate: from, endDate: to, reason: '', kind } }).ok).toBe(true);
    // Alice 2.1: personal leave above the team's average three weeks running.
    leave(d!.id, '2026-02-23', '2026-02-24', 'personal');
    leave(d!.id, '2026-03-02', '2026-03-03', '事假');
    leave(d!.id, '2026-03-09', '2026-03-10', 'personal');
    // Bob 2.2: three weeks of maternity leave, which the law protects: never a warning.
    leave(e!.id, '2026-02-23', '2026-03-13', 'maternity');
  });
  afterEach(() => db.cleanup());

  it('warns each manager about the people who may need help, with the figures and a button for the next step', async () => {
    const report = await run();
    expect(report).toMatchObject({ week: '2026-W12', ran: true, people: 6, warnings: 3, managersMessaged: 2 });

    const [m1] = outboxRows(db.conn.sqlite, 'warnings:2026-W12:m1');
    expect(m1!.address).toBe('UM1');
    const text1 = textOf(m1!.message);
    expect(m1!.message.text).toBe('2 people may need help');
    expect(text1).toContain(
      '**Alice 1.1**: Tickets closed worsening by 2.9 per week a period, beyond their usual ups and downs',
    );
    expect(text1).toContain('Tickets closed: 56 → 54 → 50 → 47 → 44 → 42; slope t = −21.8');
    expect(text1).toContain('**Bob 1.2**: Tickets closed below target in 2 of the last 3 periods (+1 more)');
    expect(text1).toContain('2026-W10 35 ✗, 2026-W11 38 ✗ (target ≥ 40 per week)');
    expect(text1).toContain('Suggested: a training plan for Tickets closed');
    // Manager 1 never recorded a conversation with Bob, who is below target.
    expect(text1).toContain('no conversation recorded with Bob 1.2, who is below target');
    const training = buttonsOf(m1!.message).filter((b) => b.actionId === ACTIONS.promptTrainingPlan);
    expect(training.map((b) => b.value)).toEqual([
      followUpValue(org.reports[0]![0]!.id, ['tickets']),
      followUpValue(org.reports[0]![1]!.id, ['tickets']),
    ]);

    const [m2] = outboxRows(db.conn.sqlite, 'warnings:2026-W12:m2');
    const text2 = textOf(m2!.message);
    expect(m2!.message.text).toBe('1 person may need help');
    expect(text2).toContain('**Alice 2.1**: leave above the team average for 3 weeks running');
    expect(text2).toContain('Leave days per week: 2 / 2 / 2 (team average 0 / 0 / 0)');
    expect(buttonsOf(m2!.message).map((b) => [b.actionId, b.label])).toEqual([
      [ACTIONS.scheduleConversation, 'Offer a supportive conversation'],
    ]);
    expect(text2).not.toContain('Bob 2.2');
    expect(text2).toContain('overdue reviews: 1 (the oldest: Chen 2.3, 2026-W11)');
  });

  it('tells HR the people at risk per department and the managers with open duties', async () => {
    await run();
    const [digest] = outboxRows(db.conn.sqlite, 'warnings:2026-W12:hr');
    expect(digest!.address).toBe('CHR');
    const text = textOf(digest!.message);
    expect(text).toContain('eng: 3 of 6');
    expect(text).toContain('Manager 1: below-target reports with no conversation: 1');
    expect(text).toContain('Manager 2: overdue reviews: 1');
  });

  it('never messages the people the warnings are about', async () => {
    await run();
    const addresses = outboxRows(db.conn.sqlite, 'warnings:%').map((r) => r.address);
    for (const p of org.reports.flat()) expect(addresses).not.toContain(p.slackId);
  });

  it('runs once a week: a second tick the same week sends nothing', async () => {
    await run();
    const rows = count(db.conn.sqlite, 'outbox');
    db.clock.advance(3_600_000);
    expect((await run()).ran).toBe(false);
    expect(count(db.conn.sqlite, 'outbox')).toBe(rows);
    expect(count(db.conn.sqlite, 'warnings')).toBe(3);
  });

  it('waits for the configured day and time', async () => {
    db.clock.set(Date.parse('2026-03-16T09:59:00Z'));
    expect((await run()).ran).toBe(false);
    expect(count(db.conn.sqlite, 'warnings')).toBe(0);
  });

  it('records what the manager did next: a conversation after the warning', async () => {
    await run();
    const bob = org.reports[0]![1]!;
    db.clock.advance(2 * 86_400_000);
    db.store.tx((tx) =>
      tx.evidence.insertNote(
        {
          personId: bob.id,
          authorId: 'm1',
          kind: 'one_on_one',
          heldOn: '2026-03-18',
          discussion: 'Talked about the ticket backlog.',
          kpiKeys: ['tickets'],
          nextCheckIn: null,
          visibility: 'shared',
        },
        [],
      ),
    );
    db.clock.advance(5 * 86_400_000);
    const next = await run();
    expect(next).toMatchObject({ week: '2026-W13', ran: true, followUps: 1 });
    const row = db.conn.sqlite
      .prepare(`SELECT follow_up_kind AS kind FROM warnings WHERE person_id = ? AND week = '2026-W12'`)
      .get(bob.id) as { kind: string };
    expect(row.kind).toBe('conversation');
  });

  it('records a conversation scheduled from the warning’s own button, whose agenda says nothing of the warning', async () => {
    await run();
    const alice = org.reports[1]![0]!;
    const [m2] = outboxRows(db.conn.sqlite, 'warnings:2026-W12:m2');
    const [support] = buttonsOf(m2!.message);
    expect(support!.value).toBe(followUpValue(alice.id, []));
    const deps = { store: db.store, clock: db.clock, settings };
    const form = makeOpenScheduleConversationForm(deps)({ actorId: 'm2', personId: alice.id, kpiKeys: [] });
    if (!form.ok) throw new Error(form.message);
    const agenda = form.value.inputs.find((i) => i.id === 'agenda');
    // A supportive conversation is about how the person is, not their figures, and never names the warning.
    expect(agenda && 'initial' in agenda ? agenda.initial : null).toBe(
      'How things are going, and what you need from me.',
    );
    const planned = makeScheduleConversation(deps)({
      actorId: 'm2',
      personId: alice.id,
      values: { date: '2026-03-18', start: '10:00', minutes: '30', place: 'Room 2', agenda: 'How things are going.' },
    });
    expect(planned.ok).toBe(true);
    db.clock.advance(7 * 86_400_000);
    expect(await run()).toMatchObject({ week: '2026-W13', ran: true, followUps: 1 });
    const row = db.conn.sqlite
      .prepare(`SELECT follow_up_kind AS kind FROM warnings WHERE person_id = ? AND week = '2026-W12'`)
      .get(alice.id) as { kind: string };
    expect(row.kind).toBe('planned_conversation');
  });

  it('tells an employee reading their own record that warnings exist only to trigger support', () => {
    const alice = org.reports[0]![0]!;
    const view = makeViewMyRecord({ store: db.store, clock: db.clock, settings })({ actorId: alice.id });
    expect(view.ok && textOf(view.value)).toContain('Such warnings exist only to trigger support');
    const asManager = makeViewMyRecord({ store: db.store, clock: db.clock, settings })({
      actorId: 'm1',
      personId: alice.id,
    });
    expect(asManager.ok && textOf(asManager.value)).not.toContain('exist only to trigger support');
  });
});

describe('a warning is never evidence', () => {
  it('appears in no case message, no dossier and no gate check, even for the person it is about', async () => {
    const db = makeTestDb({ now: NOW });
    try {
      const org = seedTeams(db.store, { managers: 1, reportsPerManager: 2 });
      const [alice, bob] = org.reports[0]!;
      seedWeeks(db.store, TODAY, [
        { person: alice!, weeks: [45, 45, 45, 45, 35, 38].map((tickets) => ({ tickets })) },
        { person: bob!, weeks: steady(6) },
      ]);
      const settings = testSettings();
      const deps = { store: db.store, clock: db.clock, settings };
      expect((await makeRunWeeklyWarnings(deps)()).warnings).toBe(1);

      const opened = makeOpenOffboarding(deps)({
        actorId: 'hr',
        employeeId: alice!.id,
        reasonKind: 'performance',
        reasonText: 'Below target',
      });
      if (!opened.ok) throw new Error(opened.message);
      const dossier = makeExportDossier(deps)({ actorId: 'hr', caseId: opened.value.caseId, deliver: 'none' });
      if (!dossier.ok) throw new Error(dossier.message);
      const caseMessages = outboxRows(db.conn.sqlite, 'case:%').map((r) => textOf(r.message));
      // What a warning says ("formal warning" is a policy's own evidence kind, and may appear).
      const warningWords = /may need help|early warning|below target in 2 of the last 3|Suggested:|预警/i;
      for (const text of [dossier.value.html, dossier.value.csv, ...caseMessages])
        expect(text).not.toMatch(warningWords);
      // The gate counts below-target reviews, never the warning raised about them.
      const facts = db.store.tx((tx) => tx.cases.evidenceFacts(alice!.id));
      expect(JSON.stringify(facts)).not.toMatch(/warning|kpi_below|suggestion/);
    } finally {
      db.cleanup();
    }
  });
});
