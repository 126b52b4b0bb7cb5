/**
 * Every outbox idempotency key, in one list. A key names the fact a message is about, so a retry,
 * a double click or a crash and restart queues it once (the outbox's UNIQUE key). A live message is
 * edited later with `tx.outbox.update(<the key it was posted under>, …)`.
 */
import { kpiSubjectId } from '../../domain/kpi.js';
import type { SubjectRef } from '../../domain/files.js';

/** An instant as a key segment without colons: `2026-10-30T2200Z` (UTC, to the minute). */
const stamp = (instant: number) => new Date(instant).toISOString().slice(0, 16).replace(':', '') + 'Z';

/** Prefix of the HR alert about set-aside messages (never itself the subject of an alert). */
export const UNDELIVERED_ALERT = 'delivery:undelivered:';

export const outboxKeys = {
  // Review loop
  /** The manager's one nudge of a week (`2026-W48`; a cycle id for nudges from before they were merged). */
  nudge: (week: string, managerId: string) => `nudge:${week}:${managerId}`,
  employeeReview: (reviewId: number) => `review:${reviewId}:employee`,
  reviewAmended: (reviewId: number, amendmentId: number) => `review:${reviewId}:amended:${amendmentId}`,
  reviewDisputed: (reviewId: number) => `review:${reviewId}:disputed`,
  /** HR is told about a dispute: the person's HR partner, else the HR channel. */
  reviewDisputedHr: (reviewId: number) => `review:${reviewId}:disputed:hr`,
  reviewReply: (reviewId: number, replyId: number) => `review:${reviewId}:reply:${replyId}`,
  kpiAck: (jobId: string, version: number, personId: string) => `kpis:${kpiSubjectId(jobId, version)}:${personId}`,
  digest: (cycleId: number, channel: string) => `digest:${cycleId}:${channel}`,
  /** Reminder-ladder step `step` for a manager's reviews overdue since `dueAt` (the earliest, across cycles). */
  overdueReminder: (dueAt: number, managerId: string, step: number) => `remind:${stamp(dueAt)}:${managerId}:${step}`,
  overdueSkipLevel: (dueAt: number, managerId: string, step: number) =>
    `remind:${stamp(dueAt)}:${managerId}:${step}:skip`,
  overdueHr: (dueAt: number, managerId: string, step: number) => `remind:${stamp(dueAt)}:${managerId}:${step}:hr`,
  // Evidence
  note: (noteId: number) => `note:${noteId}:employee`,
  /** The incident as the employee receives it, with the button to give a statement. */
  incident: (incidentId: number) => `incident:${incidentId}:employee`,
  /** One handbook version sent to one person for acknowledgment. */
  handbook: (version: number, personId: string) => `handbook:${version}:${personId}`,
  trainingPlan: (planId: number) => `training:${planId}:employee`,
  trainingTrainer: (planId: number) => `training:${planId}:trainer`,
  reassessmentDue: (planId: number) => `training:${planId}:reassessment-due`,
  /** "The last session has ended: mark the plan complete", to the plan's owner; rewritten once it is. */
  planEnded: (planId: number) => `training:${planId}:ended`,
  sessionSignIn: (sessionId: number) => `training-session:${sessionId}:sign-in`,
  jobAdjustment: (adjustmentId: number) => `job-adjustment:${adjustmentId}:employee`,
  jobAdjustmentApplied: (adjustmentId: number) => `job-adjustment:${adjustmentId}:applied`,
  actionReminder: (actionId: number) => `action-remind:${actionId}`,
  /** A planned conversation: the DM to each of the two, its calendar file, the reminder, the note prompt. */
  conversation: (id: number, role: 'employee' | 'organizer') => `conversation:${id}:${role}`,
  // A reschedule or the cancellation bumps the conversation's sequence: its calendar file, reminder
  // and note prompt are then new messages (`…:<sequence>`); sequence 0 keeps the first keys.
  conversationIcs: (id: number, personId: string, sequence = 0) =>
    `conversation:${id}:ics:${personId}${sequence ? `:${sequence}` : ''}`,
  conversationReminder: (id: number, personId: string, sequence = 0) =>
    `conversation:${id}:reminder:${personId}${sequence ? `:${sequence}` : ''}`,
  conversationNotePrompt: (id: number, sequence = 0) =>
    `conversation:${id}:record-note${sequence ? `:${sequence}` : ''}`,
  /** The employee's notice that the organizer moved or cancelled it (one per change). */
  conversationChange: (id: number, sequence: number) => `conversation:${id}:change:${sequence}`,
  /** Calendar files of a training plan's sessions and of a note's next check-in. */
  trainingIcs: (planId: number, personId: string) => `training:${planId}:ics:${personId}`,
  checkInIcs: (noteId: number, personId: string) => `note:${noteId}:check-in-ics:${personId}`,
  // Offboarding
  caseRoot: (caseId: number) => `case:${caseId}:root`,
  caseManager: (caseId: number) => `case:${caseId}:manager`,
  caseStep: (caseId: number, stepId: string, role: string) => `case:${caseId}:step:${stepId}:${role}`,
  caseRanking: (caseId: number) => `case:${caseId}:ranking`,
  caseWithdrawn: (caseId: number) => `case:${caseId}:withdrawn`,
  caseDossier: (caseId: number, at: number, ext: string) => `case:${caseId}:dossier:${at}:${ext}`,
  // Data protection
  auditCheckpoint: (day: string) => `audit-checkpoint:${day}`,
  recordExport: (personId: string, day: string) => `export:${personId}:${day}`,
  /** The HR alert that the day's backup failed: one per day, updated in place as attempts go on. */
  backupFailed: (day: string) => `backup-failed:${day}`,
  // Delivery: the HR alert about set-aside messages, one per platform per hour (then updated in place)
  undeliveredAlert: (platform: string, hourStart: number) => `${UNDELIVERED_ALERT}${platform}:${hourStart}`,
  // Early warnings
  warningsForManager: (week: string, managerId: string) => `warnings:${week}:${managerId}`,
  warningsHrDigest: (week: string) => `warnings:${week}:hr`,
  // Reports (one per request: the asker and the instant name it)
  reportIntro: (actorId: string, at: number, to: string) => `report:${actorId}:${at}:${to}`,
  reportChart: (actorId: string, at: number, to: string, chartId: string) => `report:${actorId}:${at}:${to}:${chartId}`,
  performanceReport: (actorId: string, at: number) => `report:${actorId}:${at}:performance`,
  // Demo
  demoWelcome: (personId: string) => `demo:welcome:${personId}`,
  // Evidence files: one attached file sent to a person who asked for it (once per minute).
  recordFile: (attachmentId: number, personId: string, at: number) => `file:${attachmentId}:${personId}:${stamp(at)}`,
} as const;

/** The record a message is about, by the first segment of its key: a reply to its card attaches there. */
const RECORD_OF_KEY: Record<string, SubjectRef['type']> = {
  note: 'note',
  training: 'training_plan',
  'training-session': 'training_session',
  review: 'review',
  'job-adjustment': 'job_adjustment',
  incident: 'incident',
  case: 'case',
};

/** The record whose message was sent under `key` (`note:12:employee` → note 12), or null. */
export function recordOfOutboxKey(key: string): SubjectRef | null {
  const [head = '', id = ''] = key.split(':');
  const type = RECORD_OF_KEY[head];
  return type && /^\d{1,12}$/.test(id) && Number(id) > 0 ? { type, id: Number(id) } : null;
}
