/**
 * Every action id and form id, in one registry shared by Slack, Feishu and the local workspace.
 * Feature areas add their ids to their own section.
 */
export const ACTIONS = {
  // review loop
  openReviewForm: 'review.open_form',
  openKpiForm: 'kpi.open_form',
  acknowledgeKpis: 'kpi.acknowledge',
  acknowledgeReview: 'review.acknowledge',
  disputeReview: 'review.dispute',
  amendReview: 'review.amend',
  // evidence: notes, training, attendance, job adjustment
  acknowledgeNote: 'note.acknowledge',
  disputeNote: 'note.dispute',
  recordRefusal: 'evidence.record_refusal',
  acknowledgeTraining: 'training.acknowledge',
  signInSession: 'training.sign_in',
  openMarkAttendance: 'training.open_mark_attendance',
  completeTraining: 'training.complete',
  openReassessment: 'training.open_reassessment',
  acknowledgeJobAdjustment: 'job_adjustment.acknowledge',
  promptTrainingPlan: 'evidence.prompt_training',
  promptConversation: 'evidence.prompt_conversation',
  /** "Schedule a conversation": the value is `{p: person, k: [KPI keys], r?: disputed review}`. */
  scheduleConversation: 'conversation.schedule',
  /** After a planned conversation: "Record the note"; the value is the conversation id. */
  recordConversationNote: 'conversation.record_note',
  /** On the organizer's DM of a planned conversation: open the reschedule form; the value is the conversation id. */
  rescheduleConversation: 'conversation.reschedule',
  /** On the organizer's DM of a planned conversation: open the cancel form; the value is the conversation id. */
  cancelConversation: 'conversation.cancel',
  /** Under a disputed review: reply to the employee's comment; the value is the review id. */
  replyToDispute: 'review.reply',
  // conduct: the handbook and incidents (an Art. 39 case's evidence)
  acknowledgeHandbook: 'handbook.acknowledge',
  disputeHandbook: 'handbook.dispute',
  openIncidentStatement: 'incident.open_statement',
  /** A person's record (what `/review mine @person` shows); the value is the person id. */
  viewRecord: 'record.view',
  // offboarding cases: one advance button per case message, the step comes in the value
  caseAdvance: 'case.advance',
  caseAdvanceInLieu: 'case.advance_in_lieu',
  caseOpenStepForm: 'case.open_step_form',
  caseOpenWithdraw: 'case.open_withdraw',
  caseExportDossier: 'case.export_dossier',
  /** A menu entry (src/ui/screens/home/entries.ts): runs its command; the value is the entry key, or `case:<id>`. */
  menuEntry: 'menu.entry',
  // evidence files: the value is the record (`note:12`, `training_session:3`, `case:7`)
  attachFile: 'files.attach',
  getFiles: 'files.get',
} as const;

export const FORMS = {
  review: 'review.form',
  defineKpis: 'kpi.define_form',
  disputeReview: 'review.dispute_form',
  amendReview: 'review.amend_form',
  // evidence
  note: 'note.form',
  disputeNote: 'note.dispute_form',
  recordRefusal: 'evidence.refusal_form',
  trainingPlan: 'training.form',
  markAttendance: 'training.mark_attendance_form',
  reassessment: 'training.reassessment_form',
  jobAdjustment: 'job_adjustment.form',
  scheduleConversation: 'conversation.schedule_form',
  rescheduleConversation: 'conversation.reschedule_form',
  cancelConversation: 'conversation.cancel_form',
  disputeReply: 'review.reply_form',
  // conduct
  handbookSection: 'handbook.section_form',
  handbookDispute: 'handbook.dispute_form',
  incident: 'incident.form',
  incidentStatement: 'incident.statement_form',
  // offboarding cases
  caseStep: 'case.step_form',
  caseWithdraw: 'case.withdraw_form',
  protectedStatus: 'case.protected_status_form',
  // evidence files: the state is the record; the files come beside the values (Inbound.files)
  attachFiles: 'files.attach_form',
} as const;

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];
export type FormId = (typeof FORMS)[keyof typeof FORMS];

const actionIds = new Set<string>(Object.values(ACTIONS));
const formIds = new Set<string>(Object.values(FORMS));
export const isActionId = (id: string): id is ActionId => actionIds.has(id);
export const isFormId = (id: string): id is FormId => formIds.has(id);
