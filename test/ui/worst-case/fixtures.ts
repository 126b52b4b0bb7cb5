/**
 * Every screen builder under src/ui/screens, called with worst-case legal data (data.ts): a manager
 * with 30 reports, a job with 15 KPIs, texts at 3,000 characters, hostile names, every case path of
 * every policy with every item missing, withdrawn with a long reason, and closed.
 *
 * `FIXTURES` is keyed `<module under src/ui/screens>#<export>`; the worst-case render test fails
 * when a builder has no entry here (add one when you add a screen), or an entry no builder.
 */
import type { T } from '../../../src/ui/i18n/index.js';
import type { Block, Button, Form, Message, Option } from '../../../src/ui/model.js';
import type { Locale, Kpi, Acknowledgment } from '../../../src/ports/records.js';
import type {
  Note,
  TrainingPlan,
  TrainingSession,
  Attendance,
  JobAdjustment,
} from '../../../src/ports/repos/evidence.js';
import type { Review } from '../../../src/ports/repos/reviews.js';
import { kpiReasonInputId, type KpiResult } from '../../../src/domain/review.js';
import { TEXT_LIMITS } from '../../../src/domain/text.js';
import { MAX_KPIS_PER_JOB } from '../../../src/domain/text.js';
import { pathFor, PRESET_IDS, preset, REASON_KINDS } from '../../../src/domain/policy/index.js';
import { computeSettlement } from '../../../src/domain/settlement.js';
import type { CaseView } from '../../../src/ui/screens/offboarding/view.js';
import { makeTestDb } from '../../support/db.js';
import { seedOrg } from '../../support/org.js';
import { caseView } from '../../../src/usecases/offboarding/case-view.js';
import { fill, worstCase, type WorstCase } from './data.js';

import { buildHelp } from '../../../src/ui/screens/help.js';
import { buildUndeliveredAlert } from '../../../src/ui/screens/delivery/undelivered.js';
import { buildAuditCheckpointMessage } from '../../../src/ui/screens/security/audit-checkpoint.js';
import { buildBackupAlert } from '../../../src/ui/screens/security/failed-backup.js';
import { buildReviewSubmitted } from '../../../src/ui/screens/review/confirmation.js';
import { buildDisputeForm as buildReviewDisputeForm } from '../../../src/ui/screens/review/dispute-form.js';
import { buildEmployeeReview } from '../../../src/ui/screens/review/employee-review.js';
import { buildKpiAckRequest } from '../../../src/ui/screens/review/kpi-ack.js';
import { buildDefineKpisForm } from '../../../src/ui/screens/review/kpi-form.js';
import { buildNudge } from '../../../src/ui/screens/review/nudge.js';
import { buildHome, HOME_LIST_LIMIT, type HomeView } from '../../../src/ui/screens/home/home.js';
import { MENU_ENTRIES } from '../../../src/ui/screens/home/entries.js';
import { buildDigest, buildOverdueReminder } from '../../../src/ui/screens/review/overdue.js';
import { buildAmendReviewForm, buildReviewForm } from '../../../src/ui/screens/review/review-form.js';
import { buildAllStatus, buildTeamStatus } from '../../../src/ui/screens/review/status.js';
import {
  adjustmentBlocks,
  buildJobAdjustmentForm,
  buildJobAdjustmentMessage,
} from '../../../src/ui/screens/evidence/adjust.js';
import { buildBelowTargetFollowUps } from '../../../src/ui/screens/evidence/follow-ups.js';
import { buildNoteForm, buildNoteMessage, noteBlocks } from '../../../src/ui/screens/evidence/note.js';
import { buildRecordView } from '../../../src/ui/screens/evidence/record.js';
import {
  buildDisputeForm as buildNoteDisputeForm,
  buildRefusalForm,
  responseLine,
} from '../../../src/ui/screens/evidence/responses.js';
import { literal } from '../../../src/ui/markup.js';
import { buildAttachForm } from '../../../src/ui/screens/files/attach-form.js';
import {
  buildAttachConfirmation,
  fileButtons,
  fileLines,
  recordLabel,
  sessionSheetButtons,
} from '../../../src/ui/screens/files/file-lines.js';
import type { Attachment } from '../../../src/ports/repos/attachments.js';
import {
  buildMarkAttendanceForm,
  buildPlanMessage,
  buildReassessmentForm,
  buildSignInPrompt,
  buildTrainerMessage,
  buildTrainingForm,
  planBlocks,
  planManagerButtons,
} from '../../../src/ui/screens/evidence/training.js';
import { buildCaseMessage, buildManagerCaseDm } from '../../../src/ui/screens/offboarding/case-message.js';
import { stepButtons } from '../../../src/ui/screens/offboarding/case-steps.js';
import { buildHearerOptions, hearerMatchError } from '../../../src/ui/screens/offboarding/hearers.js';
import { AMBIGUOUS_SHOWN } from '../../../src/usecases/offboarding/hearers.js';
import {
  buildProtectedStatusForm,
  buildRankingExplanation,
  buildStepForm,
  buildWithdrawForm,
  textMessage,
} from '../../../src/ui/screens/offboarding/forms.js';
import { buildCaseReport, buildCaseStatus } from '../../../src/ui/screens/offboarding/status.js';
import { buildPlanEndedPrompt } from '../../../src/ui/screens/evidence/plan-completion.js';
import {
  buildConversationMessage,
  buildConversationReminder,
  buildRecordNotePrompt,
  buildScheduleConversationForm,
  conversationChangeButtons,
  type ConversationView,
} from '../../../src/ui/screens/evidence/conversation.js';
import {
  buildCancelConversationForm,
  buildConversationCancelledNotice,
  buildConversationMovedNotice,
  buildRescheduleConversationForm,
} from '../../../src/ui/screens/evidence/conversation-change.js';
import { buildDisputeHrNotice, buildDisputeNotice } from '../../../src/ui/screens/review/dispute-notice.js';
import { buildDisputeReplyForm } from '../../../src/ui/screens/review/dispute-reply-form.js';
import { buildHrWarningDigest } from '../../../src/ui/screens/warning/hr-digest.js';
import { buildReportIntro } from '../../../src/ui/screens/report/report-intro.js';
import { buildManagerWarnings, type WarnedPerson } from '../../../src/ui/screens/warning/manager-dm.js';
import { buildRecordReads } from '../../../src/ui/screens/security/record-reads.js';
import {
  buildHandbookDisputeForm,
  buildHandbookMessage,
  buildHandbookSectionForm,
  buildIncidentForm,
  buildIncidentMessage,
  buildStatementForm,
  incidentBlocks,
  type IncidentView,
} from '../../../src/ui/screens/evidence/conduct.js';
import { termBlocks } from '../../../src/ui/screens/evidence/note-terms.js';
import type { HandbookSection } from '../../../src/ports/repos/conduct.js';
import type { DutyGap, PersonSignal } from '../../../src/domain/warning/index.js';

/** What one builder call produced. */
export type ScreenOutput =
  | { kind: 'message'; message: Message }
  | { kind: 'form'; form: Form }
  /** Blocks and buttons are parts of messages; they are rendered inside one. */
  | { kind: 'blocks'; blocks: Block[] };

export interface FixtureContext {
  t: T;
  locale: Locale;
  w: WorstCase;
  cases: CaseView[];
}

export type Fixture = (c: FixtureContext) => ScreenOutput[];

const message = (m: Message): ScreenOutput => ({ kind: 'message', message: m });
const form = (f: Form): ScreenOutput => ({ kind: 'form', form: f });
const blocks = (b: Block[]): ScreenOutput => ({ kind: 'blocks', blocks: b });
const buttons = (b: Button[]): ScreenOutput => blocks([{ type: 'actions', buttons: b }]);

const NOW = Date.parse('2026-11-23T01:00:00Z');
const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';

function kpis(w: WorstCase): Kpi[] {
  return Array.from({ length: MAX_KPIS_PER_JOB }, (_, i) => ({
    key: fill(`kpi_${i}_`, 32),
    name: w.names(MAX_KPIS_PER_JOB)[i]!,
    unit: w.unit,
    target: 123456.78,
    direction: i % 2 ? 'lower' : 'higher',
  }));
}
const results = (w: WorstCase): KpiResult[] => kpis(w).map((k, i) => ({ ...k, actual: 98765.43, met: i % 3 === 0 }));

const ack = (state: Acknowledgment['state'], w: WorstCase): Acknowledgment => ({
  id: 1,
  subjectType: 'note',
  subjectId: '1',
  personId: 'emp',
  state,
  comment: state === 'disputed' ? w.long : null,
  witnessId: state === 'refused' ? 'hr' : null,
  recordedBy: 'mgr',
  createdAt: NOW,
});
const acks = (w: WorstCase): (Acknowledgment | null)[] => [
  null,
  ack('acknowledged', w),
  ack('disputed', w),
  ack('refused', w),
];
const names = (w: WorstCase) => (id: string) => (id === 'emp' ? w.name : `${w.name} ${id}`);

/** Handbook sections at the limits: a long section number, title and text, twelve of them. */
const sections = (w: WorstCase): HandbookSection[] =>
  w.names(12).map((title, i) => ({
    id: i + 1,
    section: `${i + 1}.${i + 2}`,
    title,
    body: w.long,
    version: i + 1,
    createdBy: 'hr',
    createdAt: NOW,
  }));
const incidentView = (w: WorstCase, a: Acknowledgment | null): IncidentView => ({
  incident: {
    id: 9,
    personId: 'emp',
    ruleId: 1,
    occurredOn: '2026-11-20',
    description: w.long,
    evidence: w.long,
    reportedBy: 'mgr',
    createdAt: NOW,
  },
  rule: sections(w)[0]!,
  reporterName: w.name,
  employeeName: w.name,
  ack: a ? { ...a, subjectType: 'incident' } : null,
  names: names(w),
  zone: ZONE,
});

function note(w: WorstCase, visibility: Note['visibility']): Note {
  return {
    id: 7,
    personId: 'emp',
    authorId: 'mgr',
    kind: 'formal_warning',
    heldOn: '2026-11-20',
    discussion: w.long,
    kpiKeys: kpis(w).map((k) => k.key),
    nextCheckIn: '2026-12-01',
    terms: {
      pipDays: 90,
      reviewPeriodDays: 30,
      dismissalRisk: true,
      stage: 'final_written_warning',
      hearingOn: '2026-12-01',
      accompanied: true,
    },
    visibility,
    createdAt: NOW,
    actions: [1, 2, 3].map((n) => ({
      id: n,
      noteId: 7,
      description: w.line,
      ownerId: 'emp',
      dueOn: '2026-12-01',
      doneAt: null,
      remindedAt: null,
    })),
  };
}

const session = (n: number, w: WorstCase): TrainingSession => ({
  id: n,
  planId: 3,
  startsAt: NOW + n * DAY,
  endsAt: NOW + n * DAY + 7_200_000,
  location: w.line,
  promptedAt: null,
});

function plan(w: WorstCase, status: TrainingPlan['status']): TrainingPlan {
  return {
    id: 3,
    personId: 'emp',
    createdBy: 'mgr',
    jobId: 'job',
    kpiVersion: 4,
    kpiKeys: kpis(w).map((k) => k.key),
    goal: w.line,
    content: w.long,
    trainer: w.line,
    trainerId: null,
    expectedResult: w.long,
    status,
    completedAt: status === 'completed' ? NOW : null,
    createdAt: NOW,
    sessions: [1, 2, 3].map((n) => session(n, w)),
  };
}

const attendance = (w: WorstCase): Attendance[] =>
  [1, 2, 3].map((n) => ({
    id: n,
    sessionId: n,
    personId: 'emp',
    status: n === 2 ? 'absent' : 'present',
    method: n === 1 ? 'sign_in' : 'marked',
    reason: n === 2 ? w.long : null,
    recordedBy: 'mgr',
    createdAt: NOW,
  }));

function planView(w: WorstCase, a: Acknowledgment | null, status: TrainingPlan['status'] = 'active') {
  return {
    plan: plan(w, status),
    authorIsHr: false,
    employeeName: w.name,
    kpiNames: kpis(w).map((k) => k.name),
    attendance: attendance(w),
    ack: a,
    names: names(w),
    zone: ZONE,
  };
}

const adjustment = (w: WorstCase): JobAdjustment => ({
  id: 5,
  personId: 'emp',
  fromJobId: 'a',
  toJobId: 'b',
  reason: w.long,
  basis: 'performance',
  kpiKeys: kpis(w).map((k) => k.key),
  effectiveOn: '2026-12-01',
  appliedAt: null,
  createdBy: 'mgr',
  createdAt: NOW,
});

function adjustView(w: WorstCase, a: Acknowledgment | null) {
  return {
    adjustment: adjustment(w),
    authorIsHr: false,
    employeeName: w.name,
    fromTitle: w.name,
    toTitle: w.name,
    kpiNames: kpis(w).map((k) => k.name),
    ack: a,
    names: names(w),
    zone: ZONE,
  };
}

const review = (w: WorstCase, i: number): Review => ({
  id: i,
  slotId: i,
  kind: i % 5 === 0 ? 'reassessment' : 'regular',
  trainingPlanId: null,
  employeeId: 'emp',
  authorId: 'mgr',
  jobId: 'job',
  kpiVersion: 4,
  periodLabel: fill(w.name, 40),
  submittedAt: NOW,
  amendedAt: null,
  rating: 2,
  strengths: w.long,
  improvement: w.long,
  comment: w.long,
  belowTarget: true,
  results: results(w),
});

const people = (w: WorstCase, n: number): Option[] => w.names(n).map((label, i) => ({ value: `p${i}`, label }));
const values = (w: WorstCase) => ({
  ...Object.fromEntries(kpis(w).map((k) => [`kpi_${k.key}`, '98765.43'])),
  rating: '2',
  strengths: w.long,
  improvement: w.long,
  comment: w.long,
  reason: w.long,
});
const nudgeGroups = (w: WorstCase, submitted: boolean) => [
  { due: 'Fri 27 Nov 18:00', period: fill(w.name, 30), slots: slots(w, 0, submitted) },
  { due: 'Mon 30 Nov 18:00', period: fill(w.name, 30), slots: slots(w, 15, submitted) },
];
const slots = (w: WorstCase, from: number, submitted: boolean) =>
  w
    .names(30)
    .slice(from, from + 15)
    .map((employeeName, i) => ({ slotId: from + i, employeeName, submitted }));

function signals(w: WorstCase): PersonSignal[] {
  const k = kpis(w)[0]!;
  const points = Array.from({ length: 12 }, (_, i) => ({
    period: fill(w.name, 20),
    at: NOW - i * 7 * DAY,
    actual: 98765.43,
    target: k.target,
    direction: k.direction,
    met: i % 2 === 0,
  }));
  const ratings = Array.from({ length: 12 }, (_, i) => ({ period: fill(w.name, 20), at: NOW - i * DAY, rating: 2 }));
  return [
    { kind: 'kpi_below', kpiKey: k.key, kpiName: k.name, unit: w.unit, missed: 9, of: 12, points },
    {
      kind: 'kpi_trend',
      kpiKey: k.key,
      kpiName: k.name,
      unit: w.unit,
      slopePerPeriod: -1234.5,
      tStat: -Infinity,
      tCritical: 1.8,
      periodsToTarget: 0,
      points,
    },
    { kind: 'rating_drop', latest: ratings[0]!, average: 4.5, drop: 2.5, points: ratings },
    {
      kind: 'absence',
      weeks: Array.from({ length: 12 }, (_, i) => ({ weekStart: '2026-11-02', days: i % 5, teamAverage: 0.3 })),
    },
  ];
}

const gaps = (): DutyGap[] => [
  {
    kind: 'reviews_overdue',
    slots: Array.from({ length: 30 }, (_, i) => ({ employeeId: `p${i}`, period: '2026-W48', dueAt: NOW })),
  },
  ...Array.from({ length: 30 }, (_, i): DutyGap => ({
    kind: 'no_conversation',
    employeeId: `p${i}`,
    lastConversationOn: null,
    weeks: 0,
  })),
  ...Array.from({ length: 30 }, (_, i): DutyGap => ({
    kind: 'no_conversation',
    employeeId: `p${i}`,
    lastConversationOn: '2026-01-01',
    weeks: 40,
  })),
  ...Array.from({ length: 30 }, (_, i): DutyGap => ({
    kind: 'training_no_session',
    employeeId: `p${i}`,
    planId: i,
    promisedAt: NOW,
    days: 30,
  })),
  ...Array.from({ length: 30 }, (_, i): DutyGap => ({
    kind: 'dispute_unanswered',
    employeeId: `p${i}`,
    subjectType: 'review',
    subjectId: String(i),
    disputedAt: NOW,
    days: 30,
  })),
];

const conversation = (w: WorstCase): ConversationView => ({
  conversation: {
    id: 4,
    personId: 'emp',
    organizerId: 'mgr',
    startsAt: NOW,
    endsAt: NOW + 5_400_000,
    location: w.line,
    meetingUrl: 'https://meet.example.test/abc-defg-hij?pwd=1&x=<2>',
    agenda: w.long,
    kpiKeys: kpis(w).map((k) => k.key),
    reviewId: 1,
    status: 'planned',
    reminderSentAt: null,
    notePromptedAt: null,
    noteId: null,
    sequence: 0,
    changedAt: null,
    createdAt: NOW,
  },
  employeeName: w.name,
  organizerName: w.name,
  kpiNames: kpis(w).map((k) => k.name),
  when: 'Fri 4 Dec 14:00–15:30',
  changedOn: null,
});

/** The same conversation after its organizer moved it (still planned) or cancelled it. */
const changedConversation = (w: WorstCase, status: 'planned' | 'cancelled'): ConversationView => {
  const v = conversation(w);
  return { ...v, conversation: { ...v.conversation, status, sequence: 2, changedAt: NOW }, changedOn: '2026-12-03' };
};

/** Every screen builder, by `<module>#<export>`. */
export const FIXTURES: Record<string, Fixture> = {
  'help#buildHelp': ({ t }) => [
    message(buildHelp(t, { isHr: true, isManager: true })),
    message(buildHelp(t, { isHr: false, isManager: false })),
  ],
  'delivery/undelivered#buildUndeliveredAlert': ({ t }) => [
    message(
      buildUndeliveredAlert(t, { platformLabel: 'Feishu', count: 123456, since: '2026-11-23 09:00', window: '24 h' }),
    ),
  ],
  'security/failed-backup#buildBackupAlert': ({ t }) => [
    message(buildBackupAlert(t, { day: '2026-11-23', attempts: 99_999, last: '2026-11-23 23:59', recovered: false })),
    message(buildBackupAlert(t, { day: '2026-11-23', attempts: 99_999, last: '2026-11-23 23:59', recovered: true })),
  ],
  'security/audit-checkpoint#buildAuditCheckpointMessage': ({ t }) => [
    message(
      buildAuditCheckpointMessage(t, { day: '2026-11-23', rows: 2_600_000, hash: 'f'.repeat(64), signed: false }),
    ),
  ],

  'review/confirmation#buildReviewSubmitted': ({ t, w }) => [
    message(
      buildReviewSubmitted(t, {
        reviewId: 1,
        employeeId: 'emp',
        employeeName: w.name,
        period: fill(w.name, 40),
        missedKpis: kpis(w),
        done: 29,
        total: 30,
        followUps: buildBelowTargetFollowUps(
          t,
          'emp',
          kpis(w).map((k) => k.key),
        ),
      }),
    ),
  ],
  'review/dispute-form#buildDisputeForm': ({ t, w }) => [
    form(buildReviewDisputeForm(t, { reviewId: 1, period: fill(w.name, 40) })),
  ],
  'review/employee-review#buildEmployeeReview': ({ t, w }) =>
    [undefined, { state: 'acknowledged' as const }, { state: 'disputed' as const, comment: w.long }].map((response) =>
      message(
        buildEmployeeReview(t, {
          reviewId: 1,
          period: fill(w.name, 40),
          managerName: w.name,
          rating: 2,
          strengths: w.long,
          improvement: w.longOneLine,
          comment: w.long,
          results: results(w),
          response,
        }),
      ),
    ),
  'review/kpi-ack#buildKpiAckRequest': ({ t, w }) =>
    [false, true].map((acknowledged) =>
      message(buildKpiAckRequest(t, { jobId: 'job', jobTitle: w.name, version: 4, kpis: kpis(w), acknowledged })),
    ),
  'review/kpi-form#buildDefineKpisForm': ({ t, w }) => [
    form(
      buildDefineKpisForm(t, {
        jobId: fill('j', 64),
        jobTitle: w.name,
        slotId: 9,
        employeeName: w.name,
        initial: w.long,
      }),
    ),
  ],
  'home/home#buildHome': ({ t, w }) => {
    // An HR manager with every list full, and the same Home empty.
    const names = w.names(HOME_LIST_LIMIT);
    const full: HomeView = {
      name: w.name,
      reviewsDue: {
        items: names.map((n, i) => ({ slotId: i + 1, employeeName: n, due: 'Fri 27 Nov 18:00', overdue: i % 2 === 0 })),
        more: 22,
      },
      disputes: names.map((n, i) => ({ reviewId: i + 1, employeeName: n, periodLabel: fill(w.name, 40), days: 30 })),
      followUps: names.flatMap((n, i) => [
        { kind: 'completePlan' as const, planId: i + 1, employeeName: n },
        { kind: 'recordNote' as const, conversationId: i + 1, employeeName: n, when: 'Fri 27 Nov 18:00' },
      ]),
      teams: names.map((n) => ({ department: n, periodLabel: '2026-W48', done: 3, total: 30 })),
      people: { items: names.map((n, i) => ({ id: `p${i}`, name: n })), more: 22 },
      teamsScope: 'all',
      teamsMore: 40,
      record: {
        reviews: 52,
        latest: { periodLabel: fill(w.name, 40), rating: 2, answer: 'disputed' },
        unanswered: names.map((_, i) => ({ reviewId: i + 1, periodLabel: fill(w.name, 40) })),
      },
      cases: { items: names.map((n, i) => ({ id: i + 1, employeeName: n, path: w.name, days: 400 })), more: 12 },
      entries: [...MENU_ENTRIES],
    };
    const empty: HomeView = {
      ...full,
      reviewsDue: null,
      disputes: [],
      followUps: [],
      teams: null,
      people: null,
      teamsMore: 0,
      record: null,
      cases: null,
    };
    return [message(buildHome(t, 'p0', full)), message(buildHome(t, 'p0', empty))];
  },
  'review/nudge#buildNudge': ({ t, w }) => [
    message(buildNudge(t, { period: fill(w.name, 40), groups: nudgeGroups(w, false) })),
    message(buildNudge(t, { period: fill(w.name, 40), groups: nudgeGroups(w, true) })),
  ],
  'review/overdue#buildOverdueReminder': ({ t, w }) =>
    (['manager', 'skip_manager', 'hr_channel'] as const).flatMap((audience) => [
      message(
        buildOverdueReminder(t, {
          audience,
          managerName: w.name,
          department: w.name,
          groups: [{ due: 'Fri 27 Nov 18:00', names: w.names(30) }],
        }),
      ),
      message(
        buildOverdueReminder(t, {
          audience,
          managerName: w.name,
          department: w.name,
          groups: [
            { due: 'Fri 27 Nov 18:00', names: w.names(15) },
            { due: 'Mon 30 Nov 18:00', names: w.names(30).slice(15) },
          ],
        }),
      ),
    ]),
  'review/overdue#buildDigest': ({ t, w }) => [
    message(buildDigest(t, { periodLabel: fill(w.name, 40), done: 0, total: 30, waitingOn: Array(30).fill('mgr') })),
    message(buildDigest(t, { periodLabel: '2026-W48', done: 30, total: 30, waitingOn: [] })),
  ],
  'review/review-form#buildReviewForm': ({ t, w }) => [
    form(
      buildReviewForm(t, {
        slotId: 1,
        employeeName: w.name,
        jobTitle: w.name,
        period: fill(w.name, 40),
        due: 'Fri 27 Nov 18:00',
        kpis: kpis(w),
      }),
    ),
    form(
      buildReviewForm(t, {
        slotId: 1,
        employeeName: w.name,
        jobTitle: w.name,
        period: fill(w.name, 40),
        due: 'Fri 27 Nov 18:00',
        kpis: kpis(w),
        values: values(w),
      }),
    ),
    // Every KPI sent by a data feed with the longest source name, each reason box filled in.
    form(
      buildReviewForm(t, {
        slotId: 1,
        employeeName: w.name,
        jobTitle: w.name,
        period: fill(w.name, 40),
        due: 'Fri 27 Nov 18:00',
        kpis: kpis(w).map((k) => ({ ...k, source: 'feed' as const })),
        imported: Object.fromEntries(
          kpis(w).map((k) => [k.key, { value: 98765.43, source: fill(w.name, 40), received: '2026-11-23' }]),
        ),
        values: {
          ...values(w),
          ...Object.fromEntries(kpis(w).map((k) => [kpiReasonInputId(k.key), fill(w.name, TEXT_LIMITS.line)])),
        },
      }),
    ),
  ],
  'review/review-form#buildAmendReviewForm': ({ t, w }) => [
    form(
      buildAmendReviewForm(t, {
        reviewId: 1,
        employeeName: w.name,
        jobTitle: w.name,
        period: fill(w.name, 40),
        due: '',
        kpis: kpis(w),
        values: values(w),
      }),
    ),
  ],
  'review/status#buildTeamStatus': ({ t, w }) => [
    message(
      buildTeamStatus(
        t,
        [0, 1].map((d) => ({
          department: w.name,
          periodLabel: fill(w.name, 40),
          slots: w
            .names(30)
            .map((employeeName, i) => ({ employeeName, submitted: (i + d) % 2 === 0, due: 'Fri 27 Nov 18:00' })),
        })),
      ),
    ),
    message(buildTeamStatus(t, [])),
  ],
  'review/status#buildAllStatus': ({ t, w }) => [
    message(
      buildAllStatus(
        t,
        w.names(60).map((department, i) => ({ department, periodLabel: '2026-W48', done: i, total: 60 })),
      ),
    ),
    message(buildAllStatus(t, [])),
  ],

  'evidence/adjust#buildJobAdjustmentForm': ({ t, w }) => [
    form(
      buildJobAdjustmentForm(t, {
        personId: 'emp',
        personName: w.name,
        fromJobTitle: w.name,
        jobs: people(w, 100),
        unlistedJobs: 400,
        toJobId: 'p3',
        kpis: kpis(w),
        preselected: kpis(w).map((k) => k.key),
        today: '2026-11-23',
      }),
    ),
  ],
  'evidence/adjust#adjustmentBlocks': ({ t, w }) => acks(w).map((a) => blocks(adjustmentBlocks(t, adjustView(w, a)))),
  'evidence/adjust#buildJobAdjustmentMessage': ({ t, w }) =>
    acks(w).map((a) => message(buildJobAdjustmentMessage(t, adjustView(w, a)))),
  'evidence/conduct#buildHandbookSectionForm': ({ t }) => [form(buildHandbookSectionForm(t))],
  'evidence/conduct#buildHandbookMessage': ({ t, w }) =>
    acks(w).map((a) =>
      message(
        buildHandbookMessage(t, {
          version: 12,
          sections: sections(w),
          employeeName: w.name,
          ack: a,
          names: names(w),
          zone: ZONE,
        }),
      ),
    ),
  'evidence/conduct#buildHandbookDisputeForm': ({ t }) => [form(buildHandbookDisputeForm(t, 12))],
  'evidence/conduct#buildIncidentForm': ({ t, w }) => [
    form(
      buildIncidentForm(t, {
        personId: 'emp',
        personName: w.name,
        sections: sections(w).map((x) => ({ value: String(x.id), label: `§${x.section} ${x.title}` })),
        today: '2026-11-23',
      }),
    ),
  ],
  'evidence/conduct#incidentBlocks': ({ t, w }) => acks(w).map((a) => blocks(incidentBlocks(t, incidentView(w, a)))),
  'evidence/conduct#buildIncidentMessage': ({ t, w }) =>
    acks(w).map((a) => message(buildIncidentMessage(t, incidentView(w, a)))),
  'evidence/conduct#buildStatementForm': ({ t }) => [form(buildStatementForm(t, 9))],
  'evidence/note-terms#termBlocks': ({ t }) =>
    (
      [
        ['pip_kickoff', { pipDays: 90 }],
        ['final_written_warning', { reviewPeriodDays: 365, dismissalRisk: true }],
        ['hearing_invitation', { stage: 'final_written_warning', hearingOn: '2026-12-01', accompanied: true }],
      ] as const
    ).map(([kind, terms]) => blocks(termBlocks(t, kind, terms))),
  'evidence/follow-ups#buildBelowTargetFollowUps': ({ t, w }) => [
    buttons(
      buildBelowTargetFollowUps(
        t,
        'emp',
        kpis(w).map((k) => k.key),
      ),
    ),
  ],
  'evidence/note#buildNoteForm': ({ t, w }) => [
    form(
      buildNoteForm(t, {
        personId: 'emp',
        personName: w.name,
        kpis: kpis(w),
        owners: people(w, 3),
        today: '2026-11-23',
        prefill: { kpiKeys: kpis(w).map((k) => k.key), kind: 'formal_warning' },
      }),
    ),
  ],
  'evidence/note#noteBlocks': ({ t, w }) =>
    acks(w).flatMap((a) =>
      (['private', 'shared', 'evidence'] as const).map((v) =>
        blocks(
          noteBlocks(t, {
            note: note(w, v),
            authorName: w.name,
            authorIsHr: false,
            employeeName: w.name,
            kpiNames: kpis(w).map((k) => k.name),
            names: names(w),
            ack: a,
            zone: ZONE,
          }),
        ),
      ),
    ),
  'evidence/note#buildNoteMessage': ({ t, w }) =>
    acks(w).map((a) =>
      message(
        buildNoteMessage(t, {
          note: note(w, 'evidence'),
          authorName: w.name,
          authorIsHr: false,
          employeeName: w.name,
          kpiNames: kpis(w).map((k) => k.name),
          names: names(w),
          ack: a,
          zone: ZONE,
        }),
      ),
    ),
  'evidence/record#buildRecordView': ({ t, w }) => {
    const btn = (label: string): Button => ({ actionId: 'note.acknowledge', label, value: '7' });
    const many = <X>(n: number, f: (i: number) => X) => Array.from({ length: n }, (_, i) => f(i));
    return [
      message(
        buildRecordView(t, {
          personName: w.name,
          job: {
            title: w.name,
            version: 4,
            kpis: kpis(w),
            ackLine: responseLine(t, ack('disputed', w), w.name, names(w), ZONE),
          },
          reviews: many(26, (i) => ({
            review: review(w, i),
            ackLine: responseLine(t, acks(w)[i % 4]!, w.name, names(w), ZONE),
            // Lines the use case writes (an amendment, replies to a dispute), user text literal.
            notes: [literal(w.long), literal(w.line)],
          })),
          reviewButtons: many(26, () => btn(t('review.amend.button'))),
          conversations: many(10, () => literal(w.line)),
          notes: many(8, (i) => ({
            view: {
              note: note(w, i % 2 ? 'shared' : 'evidence'),
              authorName: w.name,
              authorIsHr: false,
              employeeName: w.name,
              kpiNames: kpis(w).map((k) => k.name),
              names: names(w),
              ack: acks(w)[i % 4]!,
              zone: ZONE,
            },
            buttons: [
              btn(t('ev.ack.acknowledge')),
              btn(t('ev.ack.dispute')),
              btn(t('ev.refusal.button')),
              ...fileButtons(t, { type: 'note', id: 123456789 }, { mayAttach: true, count: 5 }),
            ],
            files: attachmentLines(t, w, 5),
          })),
          plans: many(4, (i) => ({
            view: planView(w, acks(w)[i % 4]!, i % 2 ? 'completed' : 'active'),
            reassessment: review(w, 99),
            buttons: [btn(t('ev.ack.acknowledge'))],
            files: attachmentLines(t, w, 5, true),
          })),
          adjustments: many(4, (i) => ({
            view: adjustView(w, acks(w)[i % 4]!),
            buttons: [btn(t('ev.ack.acknowledge'))],
          })),
          responses: many(30, (i) => ({
            ack: { ...ack(i % 3 === 0 ? 'disputed' : 'refused', w), subjectId: String(i) },
            names: names(w),
          })),
          topButtons: [btn(t('kpi.ack.button')), btn(t('ev.training.signIn'))],
        }),
      ),
      message(
        buildRecordView(t, {
          personName: w.name,
          job: null,
          reviews: [],
          notes: [],
          plans: [],
          adjustments: [],
          responses: [],
          topButtons: [],
        }),
      ),
    ];
  },
  'files/attach-form#buildAttachForm': ({ t, w }) => [
    form(
      buildAttachForm(t, {
        subject: { type: 'training_session', id: 123456789012 },
        recordLabel: recordLabel(t, { type: 'training_session', id: 123456789012 }),
        personName: w.name,
        maxBytes: 25 * 1024 * 1024,
      }),
    ),
  ],
  'files/file-lines#fileButtons': ({ t }) => [
    buttons(fileButtons(t, { type: 'job_adjustment', id: 123456789012 }, { mayAttach: true, count: 123456 })),
  ],
  'files/file-lines#sessionSheetButtons': ({ t }) => [
    buttons(
      sessionSheetButtons(
        t,
        Array.from({ length: 40 }, (_, i) => ({
          id: 123456789000 + i,
          day: '2026-12-31',
          started: true,
          hasFile: false,
        })),
      ),
    ),
  ],
  'files/file-lines#buildAttachConfirmation': ({ t, w }) => [
    message(
      buildAttachConfirmation(t, t('conduct.incident.saved', { name: literal(w.name) }), {
        type: 'incident',
        id: 123456789012,
      }),
    ),
  ],
  'evidence/responses#buildDisputeForm': ({ t, w }) => [
    form(buildNoteDisputeForm(t, 7, [{ type: 'context', text: `2026-11-20 · ${t('ev.noteKind.formal_warning')}` }])),
  ],
  'evidence/responses#buildRefusalForm': ({ t, w }) => [
    form(buildRefusalForm(t, { type: 'note', id: 7 }, w.name, people(w, 5))),
    form(buildRefusalForm(t, { type: 'training_plan', id: 3 }, w.name, people(w, 500))),
  ],
  'evidence/training#buildTrainingForm': ({ t, w }) => [
    form(
      buildTrainingForm(t, {
        personId: 'emp',
        personName: w.name,
        jobTitle: w.name,
        kpis: kpis(w),
        preselected: kpis(w).map((k) => k.key),
        trainers: people(w, 100),
        zone: ZONE,
      }),
    ),
    form(
      buildTrainingForm(t, {
        personId: 'emp',
        personName: w.name,
        jobTitle: w.name,
        kpis: kpis(w),
        preselected: [],
        trainers: people(w, 3000),
        zone: ZONE,
      }),
    ),
  ],
  'evidence/training#planBlocks': ({ t, w }) =>
    acks(w).flatMap((a) =>
      [true, false].map((withAttendance) => blocks(planBlocks(t, planView(w, a), { withAttendance }))),
    ),
  'evidence/training#buildPlanMessage': ({ t, w }) => acks(w).map((a) => message(buildPlanMessage(t, planView(w, a)))),
  'evidence/training#buildSignInPrompt': ({ t, w }) => [
    message(buildSignInPrompt(t, session(1, w), ZONE, null)),
    message(buildSignInPrompt(t, session(1, w), ZONE, NOW)),
  ],
  'evidence/training#planManagerButtons': ({ t, w }) => [
    blocks(planManagerButtons(t, plan(w, 'active'), false)),
    blocks(planManagerButtons(t, plan(w, 'completed'), false)),
    blocks(planManagerButtons(t, plan(w, 'completed'), true)),
  ],
  'evidence/training#buildTrainerMessage': ({ t, w }) => [message(buildTrainerMessage(t, planView(w, null)))],
  'evidence/training#buildMarkAttendanceForm': ({ t, w }) => [
    form(buildMarkAttendanceForm(t, session(1, w), w.name, ZONE)),
  ],
  'evidence/training#buildReassessmentForm': ({ t, w }) => [
    form(buildReassessmentForm(t, { plan: plan(w, 'completed'), jobTitle: w.name, kpis: kpis(w) })),
  ],

  'evidence/conversation#buildScheduleConversationForm': ({ t, w }) => [
    form(
      buildScheduleConversationForm(t, {
        personId: 'emp',
        personName: w.name,
        kpis: kpis(w),
        preselected: kpis(w).map((k) => k.key),
        zone: ZONE,
        day: '2026-12-04',
        agenda: w.long,
        dispute: { reviewId: 1, period: fill(w.name, 40), comment: w.long },
      }),
    ),
  ],
  'evidence/conversation#buildConversationMessage': ({ t, w }) =>
    [conversation(w), changedConversation(w, 'planned'), changedConversation(w, 'cancelled')].flatMap((v) =>
      (['employee', 'organizer'] as const).map((a) => message(buildConversationMessage(t, v, a))),
    ),
  'evidence/conversation#conversationChangeButtons': ({ t }) => [buttons(conversationChangeButtons(t, 2147483647))],
  'evidence/conversation-change#buildRescheduleConversationForm': ({ t, w }) => [
    form(
      buildRescheduleConversationForm(t, {
        conversationId: 4,
        employeeName: w.name,
        when: 'Fri 4 Dec 14:00–15:30',
        zone: ZONE,
        date: '2026-12-04',
        start: '14:00',
        minutes: 90,
        // A one-line pre-fill is an input's value attribute in the local page, which this check
        // does not read (the DM fixtures above carry the worst-case place and link).
        place: '',
        meetingUrl: null,
      }),
    ),
  ],
  'evidence/conversation-change#buildCancelConversationForm': ({ t, w }) => [
    form(buildCancelConversationForm(t, { conversationId: 4, employeeName: w.name, when: 'Fri 4 Dec 14:00–15:30' })),
    // HR cancelling for an organizer who has left.
    form(
      buildCancelConversationForm(t, {
        conversationId: 4,
        employeeName: w.name,
        when: 'Fri 4 Dec 14:00–15:30',
        organizerLeft: w.name,
      }),
    ),
  ],
  'evidence/conversation-change#buildConversationMovedNotice': ({ t, w }) => [
    message(buildConversationMovedNotice(t, changedConversation(w, 'planned'), 'Thu 3 Dec 09:00–10:30')),
  ],
  'evidence/conversation-change#buildConversationCancelledNotice': ({ t, w }) => [
    message(buildConversationCancelledNotice(t, changedConversation(w, 'cancelled'), w.long)),
    message(buildConversationCancelledNotice(t, changedConversation(w, 'cancelled'), '')),
    message(buildConversationCancelledNotice(t, changedConversation(w, 'cancelled'), w.long, w.name)),
  ],
  'evidence/conversation#buildConversationReminder': ({ t, w }) =>
    (['employee', 'organizer'] as const).map((a) => message(buildConversationReminder(t, conversation(w), a))),
  'evidence/conversation#buildRecordNotePrompt': ({ t, w }) => [
    message(buildRecordNotePrompt(t, conversation(w), null)),
    message(buildRecordNotePrompt(t, conversation(w), '2026-12-04')),
  ],
  'review/dispute-notice#buildDisputeNotice': ({ t, w }) =>
    [false, true].map((done) =>
      message(
        buildDisputeNotice(t, {
          reviewId: 1,
          employeeId: 'emp',
          employeeName: w.name,
          period: fill(w.name, 40),
          comment: w.long,
          missedKpiKeys: kpis(w).map((k) => k.key),
          canAmend: true,
          replies: done ? 12 : 0,
          conversation: done ? 'Fri 4 Dec 14:00–15:30' : null,
          amendedOn: done ? '2026-12-01' : null,
        }),
      ),
    ),
  'review/dispute-notice#buildDisputeHrNotice': ({ t, w }) => [
    message(
      buildDisputeHrNotice(t, {
        employeeId: 'emp',
        employeeName: w.name,
        managerName: w.name,
        period: fill(w.name, 40),
        comment: w.long,
      }),
    ),
  ],
  'review/dispute-reply-form#buildDisputeReplyForm': ({ t, w }) => [
    form(buildDisputeReplyForm(t, { reviewId: 1, employeeName: w.name, period: fill(w.name, 40), comment: w.long })),
  ],
  'evidence/plan-completion#buildPlanEndedPrompt': ({ t, w }) => [
    message(buildPlanEndedPrompt(t, { ...planView(w, null), attendance: [] }, { state: 'open' })),
    message(
      buildPlanEndedPrompt(t, planView(w, null, 'completed'), {
        state: 'completed',
        by: w.name,
        date: '2026-11-23',
        reassessed: false,
      }),
    ),
  ],
  'report/report-intro#buildReportIntro': ({ t, w }) => [
    message(buildReportIntro(t, { period: '2026-W40..2026-W49', department: w.name, charts: 7 })),
    message(buildReportIntro(t, { period: 'last-8w', department: null, charts: 7 })),
  ],
  'warning/hr-digest#buildHrWarningDigest': ({ t, w }) => [
    message(
      buildHrWarningDigest(t, {
        week: '2026-W48',
        departments: w.names(60).map((department) => ({ department, atRisk: 12, people: 345 })),
        managers: w.names(60).map((name) => ({ name, gaps: gaps() })),
      }),
    ),
    message(buildHrWarningDigest(t, { week: '2026-W48', departments: [], managers: [] })),
  ],
  'warning/manager-dm#buildManagerWarnings': ({ t, w }) => {
    const people: WarnedPerson[] = w.names(30).map((name, i) => ({
      personId: `p${i}`,
      name,
      signals: signals(w),
      suggestion:
        i % 2 ? { kind: 'training', kpiKeys: kpis(w).map((k) => k.key) } : { kind: 'conversation', purpose: 'gap' },
      kpiNames: kpis(w).map((k) => k.name),
    }));
    const nameOf = (id: string) => `${w.name} ${id}`;
    return [
      message(buildManagerWarnings(t, { people, gaps: gaps(), nameOf })),
      message(buildManagerWarnings(t, { people: people.slice(0, 1), gaps: [], nameOf })),
      message(buildManagerWarnings(t, { people: [], gaps: gaps(), nameOf })),
    ];
  },
  'security/record-reads#buildRecordReads': ({ t, w }) => {
    const actions = ['read.record', 'read.cases', 'read.dossier', 'read.reads', 'read.files'] as const;
    return [
      message(
        buildRecordReads(t, {
          personName: w.name,
          reads: Array.from({ length: 200 }, (_, i) => ({
            at: NOW - i * DAY,
            actorId: i % 7 ? `p${i}` : null,
            action: actions[i % 5]!,
            detail: { caseId: 123456, subjectType: 'training_session', subjectId: 123456789012 },
          })),
          zone: ZONE,
          names: (id) => `${w.name} ${id}`,
        }),
      ),
      message(buildRecordReads(t, { personName: w.name, reads: [], zone: ZONE, names: (id) => id })),
    ];
  },

  'offboarding/case-message#buildCaseMessage': ({ t, locale, cases }) =>
    cases.map((v) => message(buildCaseMessage(t, { locale, timezone: ZONE }, v))),
  'offboarding/case-message#buildManagerCaseDm': ({ t, locale, cases }) =>
    cases.map((v) => message(buildManagerCaseDm(t, { locale, timezone: ZONE }, v))),
  'offboarding/case-steps#stepButtons': ({ t, locale, cases }) =>
    cases.flatMap((v) =>
      (['hr', 'manager'] as const).map((role) => buttons(stepButtons(t, { locale, timezone: ZONE }, v, role))),
    ),
  'offboarding/forms#buildStepForm': ({ t, locale, w, cases }) =>
    cases.flatMap((v) =>
      pathFor(v.policy, v.reason).steps.flatMap((step) =>
        [undefined, { previousMonthWage: 45678.9 }].map((lieu) =>
          form(
            buildStepForm(t, locale, {
              caseId: v.id,
              step,
              employeeName: w.name,
              today: '2026-11-23',
              lieu,
            }),
          ),
        ),
      ),
    ),
  // The longest names, departments and emails: as the choice a search field shows, and as the
  // candidates a typed name that fits too many people names in the field's error.
  'offboarding/hearers#buildHearerOptions': ({ t, locale, w }) => {
    const options = buildHearerOptions(
      t,
      w.names(AMBIGUOUS_SHOWN).map((name, i) => ({
        id: `p${i}`,
        name,
        department: fill(w.name, TEXT_LIMITS.name),
        email: `${'x'.repeat(60)}.${i}@example.com`,
      })),
    );
    const appeal = buildStepForm(t, locale, {
      caseId: 123456,
      step: pathFor(preset('uk-capability'), 'performance').steps.find((s) => s.input === 'appeal')!,
      employeeName: w.name,
      today: '2026-11-23',
    });
    const withChoice = (f: Form): Form => ({
      ...f,
      inputs: f.inputs.map((i) =>
        i.kind === 'select' && i.search ? { ...i, options: options.slice(0, 1), initial: options[0]!.value } : i,
      ),
    });
    return [
      form(withChoice(appeal)),
      form({ ...appeal, errors: { heard_by: hearerMatchError(t, w.name, options, true) } }),
    ];
  },
  'offboarding/forms#buildRankingExplanation': ({ t, w }) => [
    message(
      buildRankingExplanation(
        t,
        { id: 'emp', name: w.name },
        kpis(w).map((k) => k.key),
      ),
    ),
  ],
  'offboarding/forms#buildWithdrawForm': ({ t }) => [form(buildWithdrawForm(t, 123456))],
  'offboarding/forms#buildProtectedStatusForm': ({ t, cases }) => [
    form(
      buildProtectedStatusForm(
        t,
        'emp',
        [...new Set(cases.flatMap((v) => v.policy.blockers.flatMap((b) => b.statuses)))],
        '2026-11-23',
      ),
    ),
  ],
  // Callers write user text into it as literal text (the withdrawal reason in the case thread).
  'offboarding/forms#textMessage': ({ t, w }) => [
    message(textMessage(t('off.thread.withdrawn', { who: '<@person:hr>', reason: literal(w.long) }))),
  ],
  'offboarding/status#buildCaseStatus': ({ t, w }) => [
    message(
      buildCaseStatus(
        t,
        w.names(40).map((name, i) => ({ id: i + 1, name, path: w.name, days: 123, waiting: w.line })),
      ),
    ),
    message(buildCaseStatus(t, [])),
  ],
  'offboarding/status#buildCaseReport': ({ t, w }) => [
    message(
      buildCaseReport(t, {
        opened: 12345,
        open: 123,
        closed: 12000,
        withdrawn: 222,
        cycleMedianDays: 45.5,
        cycleAverageDays: 51.25,
        steps: w.names(12).map((step) => ({ step, medianDays: 12.5 })),
        disputed: 77,
        refused: 5,
      }),
    ),
  ],
};

/** Lines of `n` attached files with hostile names at the length limit (120), as the record view shows them. */
function attachmentLines(t: T, w: WorstCase, n: number, sessions = false): string[] {
  const files: Attachment[] = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    subjectType: sessions ? 'training_session' : 'note',
    subjectId: 123456789,
    personId: 'emp',
    sha256: 'ab'.repeat(32),
    name: fill(`${w.name}.pdf`, 120),
    mime: 'application/pdf',
    size: 25 * 1024 * 1024,
    uploadedBy: 'm1',
    via: 'slack',
    createdAt: NOW,
  }));
  return fileLines(t, files, {
    names: () => w.name,
    day: () => '2026-11-23',
    sessionOf: sessions ? () => t('files.session', { date: '2026-11-23' }) : undefined,
  });
}

/** Exports under src/ui/screens that produce files, not chat payloads (their own tests cover them). */
export const NOT_CHAT = new Set([
  'offboarding/dossier-html#renderDossierHtml',
  'offboarding/dossier-csv#renderDossierCsv',
  'report/performance-report#performanceWorkbook',
  'report/performance-report#performanceCsv',
  'security/record-export#buildRecordExport', // a JSON file, not a chat message
]);

/**
 * Case views as the use cases build them, from a real database: for every policy preset and every
 * reason it has a path for, a case with every item missing, one withdrawn with a long reason, and
 * one closed with its settlement. Built once per locale.
 */
export function worstCaseViews(locale: Locale): CaseView[] {
  const w = worstCase(locale);
  const db = makeTestDb({ now: new Date(NOW).toISOString() });
  try {
    const out: CaseView[] = [];
    seedOrg(db.store, {
      jobs: [{ id: 'job', title: w.name, kpis: kpis(w) }],
      people: [
        { id: 'hr', name: w.name, role: 'hr', jobId: null },
        { id: 'mgr', name: w.name, jobId: null },
      ],
    });
    let n = 0;
    for (const id of PRESET_IDS) {
      const policy = preset(id);
      for (const reason of REASON_KINDS) {
        for (const state of ['open', 'withdrawn', 'closed'] as const) {
          const employee = `emp${++n}`;
          db.store.tx((tx) => {
            tx.org.upsertPerson({
              id: employee,
              name: w.name,
              email: `${employee}@example.test`,
              managerId: 'mgr',
              department: w.name,
              jobId: 'job',
              role: 'employee',
              slackId: null,
              feishuOpenId: null,
              locale: null,
              timezone: null,
              hireDate: '2016-03-01',
              teamChannelSlack: null,
              teamChannelFeishu: null,
              monthlyWage: 45678.9,
              active: true,
            });
            const c = tx.cases.create({
              employeeId: employee,
              openedBy: 'hr',
              reasonKind: reason,
              reasonText: w.long,
              policyId: policy.id,
              policyVersion: policy.version,
              policySnapshot: policy,
            });
            if (state === 'withdrawn') {
              tx.cases.update(c.id, { status: 'withdrawn', closedAt: NOW });
              tx.cases.addEvent({
                caseId: c.id,
                step: 'withdrawn',
                actorId: 'hr',
                outcome: 'withdrawn',
                detail: { reason: w.long },
              });
            }
            if (state === 'closed') {
              const steps = pathFor(policy, reason).steps;
              for (const s of steps)
                tx.cases.addEvent({ caseId: c.id, step: s.id, actorId: 'hr', outcome: 'done', detail: {} });
              const settlement = computeSettlement(pathFor(policy, reason), {
                noticeDate: '2026-11-23',
                hireDate: '2016-03-01',
                monthlyWage: 45678.9,
                previousMonthWage: null,
                localAverageMonthlyWage: null,
                payInLieu: true,
                currency: 'CNY',
                ...(reason === 'mutual'
                  ? {
                      release: {
                        proposedBy: 'employer' as const,
                        lines: w.names(20).map((text) => ({ text, amount: 1234.5 })),
                      },
                    }
                  : {}),
              });
              tx.cases.update(c.id, { status: 'closed', closedAt: NOW, stepIndex: steps.length, settlement });
            }
            out.push(caseView(tx, tx.cases.get(c.id)!, NOW));
          });
        }
      }
    }
    return out;
  } finally {
    db.cleanup();
  }
}
