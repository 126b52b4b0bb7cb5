/** Repository for the evidence area: notes, training, attendance, job adjustments, reassessments. */

import type { NoteTerms } from '../../domain/policy/facts.js';

export type NoteKind =
  | 'one_on_one'
  | 'feedback'
  | 'formal_warning'
  | 'pip_kickoff'
  /** A PIP check-in: the employee receives and acknowledges each one. */
  | 'pip_check_in'
  /** UK capability stages: each follows a hearing. */
  | 'improvement_note'
  | 'first_written_warning'
  | 'final_written_warning'
  /** An invitation to a formal hearing, stating the right to be accompanied. */
  | 'hearing_invitation';
export type NoteVisibility = 'private' | 'shared' | 'evidence';

export interface NoteAction {
  id: number;
  noteId: number;
  description: string;
  ownerId: string;
  dueOn: string;
  doneAt: number | null;
  remindedAt: number | null;
}

export interface Note {
  id: number;
  personId: string;
  authorId: string;
  kind: NoteKind;
  heldOn: string;
  discussion: string;
  kpiKeys: string[];
  nextCheckIn: string | null;
  /** What the note states beyond its text (a PIP's length, a warning's review period, a hearing). */
  terms: NoteTerms;
  visibility: NoteVisibility;
  createdAt: number;
  actions: NoteAction[];
}

export interface TrainingSession {
  id: number;
  planId: number;
  startsAt: number;
  endsAt: number;
  location: string;
  promptedAt: number | null;
}

export interface TrainingPlan {
  id: number;
  personId: string;
  createdBy: string;
  jobId: string;
  kpiVersion: number;
  kpiKeys: string[];
  goal: string;
  content: string;
  trainer: string;
  trainerId: string | null;
  expectedResult: string;
  status: 'active' | 'completed';
  completedAt: number | null;
  createdAt: number;
  sessions: TrainingSession[];
}

export interface Attendance {
  id: number;
  sessionId: number;
  personId: string;
  status: 'present' | 'absent';
  method: 'sign_in' | 'marked';
  reason: string | null;
  recordedBy: string;
  createdAt: number;
}

export interface JobAdjustment {
  id: number;
  personId: string;
  fromJobId: string;
  toJobId: string;
  reason: string;
  /** Why the job was changed: only `performance` is the remedy Art. 40(2) accepts. */
  basis: 'performance' | 'restructuring' | 'other';
  kpiKeys: string[];
  effectiveOn: string;
  appliedAt: number | null;
  createdBy: string;
  createdAt: number;
}

/** A conversation a manager planned with an employee (date, time, place or link, agenda). */
export interface PlannedConversation {
  id: number;
  personId: string;
  organizerId: string;
  startsAt: number;
  endsAt: number;
  location: string;
  /** An https link checked when typed (src/domain/meeting-url.ts). */
  meetingUrl: string | null;
  agenda: string;
  kpiKeys: string[];
  /** The disputed review it answers, if any. */
  reviewId: number | null;
  status: 'planned' | 'recorded' | 'cancelled';
  reminderSentAt: number | null;
  notePromptedAt: number | null;
  noteId: number | null;
  /** The calendar file's SEQUENCE: 0 as planned, one more with each reschedule and the cancellation. */
  sequence: number;
  /** When the organizer last rescheduled or cancelled it. */
  changedAt: number | null;
  createdAt: number;
}

/** What a reschedule may change: the time, and where. */
export type ConversationMove = Pick<PlannedConversation, 'startsAt' | 'endsAt' | 'location' | 'meetingUrl'>;

export interface EvidenceRepo {
  insertNote(
    n: Omit<Note, 'id' | 'createdAt' | 'actions' | 'terms'> & { terms?: NoteTerms },
    actions: { description: string; ownerId: string; dueOn: string }[],
  ): Note;
  note(id: number): Note | null;
  notesAbout(personId: string): Note[];
  /** Open agreed actions due strictly before `today` that were never reminded, with the note's subject. */
  overdueActions(today: string): (NoteAction & { personId: string })[];
  markActionReminded(id: number): void;

  insertPlan(
    p: Omit<TrainingPlan, 'id' | 'createdAt' | 'status' | 'completedAt' | 'sessions'>,
    sessions: { startsAt: number; endsAt: number; location: string }[],
  ): TrainingPlan;
  plan(id: number): TrainingPlan | null;
  plansAbout(personId: string): TrainingPlan[];
  session(id: number): TrainingSession | null;
  /**
   * Sessions whose sign-in window has opened by `now` and that were never handled by the prompt
   * tick (including ones that already ended: the tick marks those too, so the range stays short).
   */
  sessionsToPrompt(now: number, windowOpensBeforeMs: number): TrainingSession[];
  markSessionPrompted(id: number): void;
  completePlan(id: number): void;
  /** Active plans whose last session ended at or before `now` and whose manager was not yet asked to complete them. */
  plansEndedUnprompted(now: number): TrainingPlan[];
  markPlanCompletionPrompted(id: number, at: number): void;
  attendanceFor(sessionIds: number[]): Attendance[];
  /**
   * Appends the row (a correction is a new row; the latest per session and person counts). When one
   * exists, a `sign_in` is dropped (returns null): it never overrules a mark.
   */
  recordAttendance(a: Omit<Attendance, 'id' | 'createdAt'>): { row: Attendance; previous: Attendance | null } | null;

  insertJobAdjustment(
    j: Omit<JobAdjustment, 'id' | 'createdAt' | 'appliedAt' | 'basis'> & { basis?: JobAdjustment['basis'] },
  ): JobAdjustment;
  jobAdjustment(id: number): JobAdjustment | null;
  jobAdjustmentsAbout(personId: string): JobAdjustment[];
  /** Adjustments whose effective date is on or before `today` and that are not applied yet. */
  dueJobAdjustments(today: string): JobAdjustment[];
  markJobAdjustmentApplied(id: number): void;

  insertConversation(
    c: Omit<
      PlannedConversation,
      'id' | 'status' | 'reminderSentAt' | 'notePromptedAt' | 'noteId' | 'sequence' | 'changedAt' | 'createdAt'
    >,
  ): PlannedConversation;
  conversation(id: number): PlannedConversation | null;
  /** A person's planned conversations, oldest first. */
  conversationsAbout(personId: string): PlannedConversation[];
  /** Conversations planned in answer to these reviews. */
  conversationsForReviews(reviewIds: number[]): PlannedConversation[];
  /** Planned conversations not yet reminded whose start is at most `beforeMs` away (or past). */
  conversationsToRemind(now: number, beforeMs: number): PlannedConversation[];
  markConversationReminded(id: number, at: number): void;
  /** Planned conversations that have ended and whose organizer was not yet asked for the note. */
  conversationsEnded(now: number): PlannedConversation[];
  markConversationNotePrompted(id: number, at: number): void;
  /** The note recorded for the conversation: it is 'recorded' from now on. */
  linkConversationNote(id: number, noteId: number): void;
  /**
   * Moves a planned conversation: the new time and place, the next SEQUENCE, and its reminder and
   * note prompt due again (for the new time).
   */
  rescheduleConversation(id: number, move: ConversationMove, at: number): PlannedConversation;
  /** Cancels a planned conversation (the next SEQUENCE): no reminder or note prompt follows. */
  cancelConversation(id: number, at: number): PlannedConversation;

  /** Id of the reassessment review linked to a training plan, if recorded. */
  reassessmentForPlan(planId: number): number | null;
}

/** Evidence, read only. The methods of `EvidenceRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type EvidenceReader = Omit<
  EvidenceRepo,
  | 'insertNote'
  | 'markActionReminded'
  | 'insertPlan'
  | 'markSessionPrompted'
  | 'completePlan'
  | 'markPlanCompletionPrompted'
  | 'recordAttendance'
  | 'insertJobAdjustment'
  | 'markJobAdjustmentApplied'
  | 'insertConversation'
  | 'markConversationReminded'
  | 'markConversationNotePrompted'
  | 'linkConversationNote'
  | 'rescheduleConversation'
  | 'cancelConversation'
>;
