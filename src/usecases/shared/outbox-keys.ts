/**
 * Every outbox idempotency key, in one list. A key names the fact a message is about, so a retry,
 * a double click or a crash and restart queues it once (the outbox's UNIQUE key). A live message is
 * edited later with `tx.outbox.update(<the key it was posted under>, …)`.
 */
import { kpiSubjectId } from '../../domain/kpi.js';

export const outboxKeys = {
  // Review loop
  nudge: (cycleId: number, managerId: string) => `nudge:${cycleId}:${managerId}`,
  employeeReview: (reviewId: number) => `review:${reviewId}:employee`,
  reviewAmended: (reviewId: number, amendmentId: number) => `review:${reviewId}:amended:${amendmentId}`,
  reviewDisputed: (reviewId: number) => `review:${reviewId}:disputed`,
  kpiAck: (jobId: string, version: number, personId: string) => `kpis:${kpiSubjectId(jobId, version)}:${personId}`,
  digest: (cycleId: number, channel: string) => `digest:${cycleId}:${channel}`,
  overdueReminder: (cycleId: number, managerId: string, step: number | string) =>
    `remind:${cycleId}:${managerId}:${step}`,
  overdueSkipLevel: (cycleId: number, managerId: string, step: number | string) =>
    `remind:${cycleId}:${managerId}:${step}:skip`,
  overdueHr: (cycleId: number, managerId: string, step: number | string) => `remind:${cycleId}:${managerId}:${step}:hr`,
  // Evidence
  note: (noteId: number) => `note:${noteId}:employee`,
  trainingPlan: (planId: number) => `training:${planId}:employee`,
  trainingTrainer: (planId: number) => `training:${planId}:trainer`,
  reassessmentDue: (planId: number) => `training:${planId}:reassessment-due`,
  sessionSignIn: (sessionId: number) => `training-session:${sessionId}:sign-in`,
  jobAdjustment: (adjustmentId: number) => `job-adjustment:${adjustmentId}:employee`,
  jobAdjustmentApplied: (adjustmentId: number) => `job-adjustment:${adjustmentId}:applied`,
  actionReminder: (actionId: number) => `action-remind:${actionId}`,
  // Offboarding
  caseRoot: (caseId: number) => `case:${caseId}:root`,
  caseManager: (caseId: number) => `case:${caseId}:manager`,
  caseStep: (caseId: number, stepId: string, role: string) => `case:${caseId}:step:${stepId}:${role}`,
  caseRanking: (caseId: number) => `case:${caseId}:ranking`,
  caseWithdrawn: (caseId: number) => `case:${caseId}:withdrawn`,
  caseDossier: (caseId: number, at: number, ext: string) => `case:${caseId}:dossier:${at}:${ext}`,
  // Demo
  demoWelcome: (personId: string) => `demo:welcome:${personId}`,
} as const;
