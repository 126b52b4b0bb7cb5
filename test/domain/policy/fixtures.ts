/**
 * Records that satisfy each preset in full, built the way a by-the-book HR team would build them,
 * as days before NOW. The gaming table (gaming.test.ts) takes one of these and changes one thing.
 */
import {
  emptyFacts,
  type AckFact,
  type EvidenceFacts,
  type NoteFact,
  type NoteTerms,
} from '../../../src/domain/policy/index.js';

export const DAY = 86_400_000;
export const NOW = Date.parse('2026-06-30T12:00:00Z');
export const ago = (days: number) => NOW - days * DAY;
export const date = (days: number) => new Date(ago(days)).toISOString().slice(0, 10);

export const ack = (days: number, state: AckFact['state'] = 'acknowledged'): AckFact => ({
  state,
  comment: state === 'disputed' ? 'I was on call' : null,
  at: ago(days),
});

export function review(
  id: number,
  days: number,
  o: Partial<EvidenceFacts['reviews'][number]> = {},
): EvidenceFacts['reviews'][number] {
  return {
    id,
    kind: 'regular',
    periodLabel: `W${id}`,
    periodStart: date(days + 7),
    jobId: 'eng',
    kpiVersion: 1,
    belowTarget: true,
    kpiKeys: ['tickets', 'response'],
    missedKpiKeys: ['tickets'],
    trainingPlanId: null,
    authorId: 'm1',
    at: ago(days),
    ack: ack(days - 1),
    ...o,
  };
}

export const note = (
  id: number,
  days: number,
  kind: string,
  a: AckFact | null = ack(days - 1),
  terms: NoteTerms = {},
): NoteFact => ({
  id,
  kind,
  heldOn: date(days),
  authorId: 'm1',
  at: ago(days),
  kpiKeys: ['tickets'],
  terms,
  ack: a,
});

/** Sessions on the given days, each 2 hours, attended and marked during the session. */
export const sessions = (...days: number[]) =>
  days.map((d) => ({
    startsAt: ago(d),
    endsAt: ago(d) + 2 * 3_600_000,
    present: true,
    markedAt: ago(d) + 600_000,
    sheetAt: null as number | null,
  }));

const kpis = (ackDays = 290): Pick<EvidenceFacts, 'kpis' | 'kpiAcks' | 'kpiNames'> => ({
  kpis: {
    jobId: 'eng',
    jobTitle: 'Engineer',
    version: 1,
    kpiKeys: ['tickets', 'response'],
    definedAt: ago(300),
    ack: ack(ackDays),
  },
  kpiAcks: [{ jobId: 'eng', version: 1, ack: ack(ackDays) }],
  kpiNames: { tickets: 'Tickets closed', response: 'First response' },
});

/**
 * cn-art40, Art. 40(2): KPIs acknowledged 290 days ago; reviews below target 150 and 140 days ago;
 * conversations 148 and 138 days ago; training on the missed KPI created 135 days ago, three
 * sessions (130, 125, 120) all attended, completed 119 days ago; reassessment on the same KPIs 20
 * days ago (99 days after the training ended), still failing.
 */
export function cnComplete(): EvidenceFacts {
  return {
    ...emptyFacts('e1'),
    ...kpis(),
    person: { name: 'Bo', hireDate: '2022-11-01', birthDate: '1990-05-01', retirementBasis: 'male_60' },
    reviews: [
      review(1, 150),
      review(2, 140, { ack: ack(139, 'disputed') }),
      review(3, 20, { kind: 'reassessment', trainingPlanId: 7, periodStart: null }),
    ],
    notes: [note(11, 148, 'one_on_one'), note(12, 138, 'feedback', ack(137, 'refused'))],
    trainings: [
      {
        id: 7,
        goal: 'Ticket triage',
        jobId: 'eng',
        kpiKeys: ['tickets'],
        at: ago(135),
        sessions: sessions(130, 125, 120),
        completedAt: ago(119),
        ack: null,
      },
    ],
  };
}

/**
 * cn-art40, Art. 39: handbook v1 (§4.2 attendance) acknowledged 200 days ago; an incident 30 days
 * ago under §4.2 with its evidence, recorded the next day; the employee's written statement 25 days ago.
 */
export function cnMisconductComplete(): EvidenceFacts {
  return {
    ...emptyFacts('e1'),
    person: { name: 'Bo', hireDate: '2022-11-01', birthDate: '1990-05-01', retirementBasis: 'male_60' },
    handbookRules: [{ id: 1, section: '4.2', title: 'Falsifying attendance records', version: 1 }],
    handbookAcks: [{ version: 1, ack: ack(200) }],
    incidents: [
      {
        id: 1,
        ruleId: 1,
        occurredOn: date(30),
        reportedBy: 'm1',
        evidence: 'Badge log and CCTV of 2026-05-31',
        at: ago(29),
        ack: { state: 'disputed', comment: 'I forgot my badge.', at: ago(25) },
      },
    ],
  };
}

/**
 * us-pip, a by-the-book 90-day PIP: reviews below target 100 and 93 days ago; coaching 92 days
 * ago; PIP kickoff 90 days ago (90 days, receipt signed); check-ins every 14 days (76 … 6 days
 * ago), each acknowledged; the PIP ended today and the end review failed today.
 */
export function usComplete(): EvidenceFacts {
  const checkIns = [76, 62, 48, 34, 20, 6].map((d, i) => note(30 + i, d, 'pip_check_in', ack(d)));
  return {
    ...emptyFacts('e1'),
    ...kpis(),
    reviews: [review(1, 100, { ack: null }), review(2, 93, { ack: null }), review(3, 0, { ack: null })],
    notes: [
      note(1, 92, 'one_on_one', null),
      note(2, 90, 'pip_kickoff', ack(89, 'disputed'), { pipDays: 90 }),
      ...checkIns,
    ],
  };
}

const hearing = (id: number, days: number, stage: string, heldIn = 7, accompanied = true): NoteFact =>
  note(id, days, 'hearing_invitation', ack(days - 1), { stage, hearingOn: date(days - heldIn), accompanied });

/**
 * uk-capability: informal conversation 420 days ago; improvement note 400 days ago after a hearing
 * (invited 410, held 403); first written warning 300 days ago (hearing invited 310, held 303);
 * final written warning stating the dismissal risk 200 days ago (hearing 210/203); final review
 * 100 days ago, still failing.
 */
export function ukComplete(): EvidenceFacts {
  return {
    ...emptyFacts('e1'),
    ...kpis(500),
    notes: [
      note(1, 420, 'one_on_one'),
      hearing(2, 410, 'improvement_note'),
      note(3, 400, 'improvement_note'),
      hearing(4, 310, 'first_written_warning'),
      note(5, 300, 'first_written_warning'),
      hearing(6, 210, 'final_written_warning'),
      note(7, 200, 'final_written_warning', ack(199), { dismissalRisk: true }),
    ],
    reviews: [review(8, 100)],
  };
}
