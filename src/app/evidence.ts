/**
 * Commands, buttons and forms of the evidence area: `/note @person`, `/training @person`,
 * `/review mine [@person]`, `/dandang adjust @person <job-id>`, and the follow-up buttons under a
 * below-target review. Each handler parses the neutral event into ids, calls one use case, and maps
 * its result with src/app/reply.ts; the use cases authorize from the db.
 */
import type { UseCaseDeps, FeatureHandlers } from './types.js';
import { ACTIONS, FORMS } from '../ui/actions.js';
import { parseFollowUpValue } from '../ui/screens/evidence/follow-ups.js';
import { parseSubjectState } from '../ui/screens/evidence/responses.js';
import { NOTE_KIND_WORDS } from '../ui/screens/evidence/note-terms.js';
import { formReply, messageReply, toastReply, notFoundReply, parseId } from './reply.js';
import { makeOpenNoteForm } from '../usecases/evidence/open-note-form.js';
import { makeCreateNote } from '../usecases/evidence/create-note.js';
import { makeAcknowledgeNote } from '../usecases/evidence/acknowledge-note.js';
import { makeOpenDisputeNoteForm } from '../usecases/evidence/open-dispute-note-form.js';
import { makeDisputeNote } from '../usecases/evidence/dispute-note.js';
import { makeOpenRefusalForm } from '../usecases/evidence/open-refusal-form.js';
import { makeRecordRefusal } from '../usecases/evidence/record-refusal.js';
import { makeOpenTrainingPlanForm } from '../usecases/evidence/open-training-plan-form.js';
import { makeCreateTrainingPlan } from '../usecases/evidence/create-training-plan.js';
import { makeAcknowledgeTraining } from '../usecases/evidence/acknowledge-training.js';
import { makeSignInSession } from '../usecases/evidence/sign-in-session.js';
import { makeOpenMarkAttendanceForm } from '../usecases/evidence/open-mark-attendance-form.js';
import { makeMarkAttendance } from '../usecases/evidence/mark-attendance.js';
import { makeCompleteTraining } from '../usecases/evidence/complete-training.js';
import { makeOpenReassessmentForm } from '../usecases/evidence/open-reassessment-form.js';
import { makeRecordReassessment } from '../usecases/evidence/record-reassessment.js';
import { makeOpenJobAdjustmentForm } from '../usecases/evidence/open-job-adjustment-form.js';
import { makeAdjustJob } from '../usecases/evidence/adjust-job.js';
import { makeAcknowledgeJobAdjustment } from '../usecases/evidence/acknowledge-job-adjustment.js';
import { makeViewMyRecord } from '../usecases/evidence/view-my-record.js';
import { makeOpenScheduleConversationForm } from '../usecases/evidence/open-schedule-conversation-form.js';
import { makeScheduleConversation } from '../usecases/evidence/schedule-conversation.js';
import { makeOpenConversationNoteForm } from '../usecases/evidence/open-conversation-note-form.js';
import { makeOpenRescheduleConversationForm } from '../usecases/evidence/open-reschedule-conversation-form.js';
import { makeRescheduleConversation } from '../usecases/evidence/reschedule-conversation.js';
import { makeOpenCancelConversationForm } from '../usecases/evidence/open-cancel-conversation-form.js';
import { makeCancelConversation } from '../usecases/evidence/cancel-conversation.js';
import { decodeConversationState } from '../ui/screens/evidence/conversation.js';
import { decodeNoteFormState } from '../ui/screens/evidence/note.js';
import { makeOpenHandbookForm } from '../usecases/evidence/open-handbook-form.js';
import { makeAddHandbookSection } from '../usecases/evidence/add-handbook-section.js';
import { makeSendHandbook } from '../usecases/evidence/send-handbook.js';
import { makeAnswerHandbook } from '../usecases/evidence/answer-handbook.js';
import { makeOpenHandbookDisputeForm } from '../usecases/evidence/open-handbook-dispute-form.js';
import { makeOpenIncidentForm } from '../usecases/evidence/open-incident-form.js';
import { makeRecordIncident } from '../usecases/evidence/record-incident.js';
import { makeOpenStatementForm } from '../usecases/evidence/open-statement-form.js';
import { makeGiveStatement } from '../usecases/evidence/give-statement.js';
import { makeExportMyRecord } from '../usecases/evidence/export-my-record.js';

export function evidenceHandlers(deps: UseCaseDeps): FeatureHandlers {
  const openNoteForm = makeOpenNoteForm(deps);
  const createNote = makeCreateNote(deps);
  const acknowledgeNote = makeAcknowledgeNote(deps);
  const openDisputeNoteForm = makeOpenDisputeNoteForm(deps);
  const disputeNote = makeDisputeNote(deps);
  const openRefusalForm = makeOpenRefusalForm(deps);
  const recordRefusal = makeRecordRefusal(deps);
  const openTrainingPlanForm = makeOpenTrainingPlanForm(deps);
  const createTrainingPlan = makeCreateTrainingPlan(deps);
  const acknowledgeTraining = makeAcknowledgeTraining(deps);
  const signInSession = makeSignInSession(deps);
  const openMarkAttendanceForm = makeOpenMarkAttendanceForm(deps);
  const markAttendance = makeMarkAttendance(deps);
  const completeTraining = makeCompleteTraining(deps);
  const openReassessmentForm = makeOpenReassessmentForm(deps);
  const recordReassessment = makeRecordReassessment(deps);
  const openJobAdjustmentForm = makeOpenJobAdjustmentForm(deps);
  const adjustJob = makeAdjustJob(deps);
  const acknowledgeJobAdjustment = makeAcknowledgeJobAdjustment(deps);
  const viewMyRecord = makeViewMyRecord(deps);
  const openScheduleConversationForm = makeOpenScheduleConversationForm(deps);
  const scheduleConversation = makeScheduleConversation(deps);
  const openConversationNoteForm = makeOpenConversationNoteForm(deps);
  const openRescheduleConversationForm = makeOpenRescheduleConversationForm(deps);
  const rescheduleConversation = makeRescheduleConversation(deps);
  const openCancelConversationForm = makeOpenCancelConversationForm(deps);
  const cancelConversation = makeCancelConversation(deps);
  const openHandbookForm = makeOpenHandbookForm(deps);
  const addHandbookSection = makeAddHandbookSection(deps);
  const sendHandbook = makeSendHandbook(deps);
  const answerHandbook = makeAnswerHandbook(deps);
  const openHandbookDisputeForm = makeOpenHandbookDisputeForm(deps);
  const openIncidentForm = makeOpenIncidentForm(deps);
  const recordIncident = makeRecordIncident(deps);
  const openStatementForm = makeOpenStatementForm(deps);
  const giveStatement = makeGiveStatement(deps);
  const exportMyRecord = makeExportMyRecord(deps);

  return {
    commands: {
      // `/note @person [pip|checkin|improvement|warning|final|hearing]`: the word picks a kind with terms.
      note: {
        '': (ev) =>
          formReply(
            openNoteForm({
              actorId: ev.actor.person.id,
              personId: ev.argv.person,
              kind: ev.argv.words.noteKind ? NOTE_KIND_WORDS[ev.argv.words.noteKind] : undefined,
            }),
          ),
      },
      // `/training @person`: a training plan for one report (one's own plans are in `/review mine`).
      training: {
        '': (ev) => formReply(openTrainingPlanForm({ actorId: ev.actor.person.id, personId: ev.argv.person })),
      },
      review: {
        // `/review mine export` (导出): the whole record as a file in one's own DM.
        mine: (ev) =>
          ev.argv.words.export
            ? toastReply(exportMyRecord({ actorId: ev.actor.person.id }))
            : messageReply(viewMyRecord({ actorId: ev.actor.person.id, personId: ev.argv.person })),
      },
      dandang: {
        // `/dandang handbook` adds a section (HR); `/dandang handbook @person` sends the handbook to sign.
        handbook: (ev) =>
          ev.argv.person
            ? toastReply(sendHandbook({ actorId: ev.actor.person.id, personId: ev.argv.person }))
            : formReply(openHandbookForm({ actorId: ev.actor.person.id })),
        incident: (ev) => formReply(openIncidentForm({ actorId: ev.actor.person.id, personId: ev.argv.person })),
        adjust: (ev) =>
          formReply(
            openJobAdjustmentForm({
              actorId: ev.actor.person.id,
              personId: ev.argv.person,
              toJobId: ev.argv.words.job,
            }),
          ),
      },
    },
    actions: {
      [ACTIONS.acknowledgeNote]: (ev) =>
        toastReply(acknowledgeNote({ actorId: ev.actor.person.id, noteId: parseId(ev.value) })),
      [ACTIONS.acknowledgeHandbook]: (ev) =>
        toastReply(answerHandbook({ actorId: ev.actor.person.id, version: parseId(ev.value) })),
      [ACTIONS.disputeHandbook]: (ev) =>
        formReply(openHandbookDisputeForm({ actorId: ev.actor.person.id, version: parseId(ev.value) })),
      [ACTIONS.openIncidentStatement]: (ev) =>
        formReply(openStatementForm({ actorId: ev.actor.person.id, incidentId: parseId(ev.value) })),
      [ACTIONS.disputeNote]: (ev) =>
        formReply(openDisputeNoteForm({ actorId: ev.actor.person.id, noteId: parseId(ev.value) })),
      [ACTIONS.recordRefusal]: (ev) => {
        const s = parseSubjectState(ev.value);
        return s ? formReply(openRefusalForm({ actorId: ev.actor.person.id, ...s })) : notFoundReply(ev.actor.locale);
      },
      [ACTIONS.acknowledgeTraining]: (ev) =>
        toastReply(acknowledgeTraining({ actorId: ev.actor.person.id, planId: parseId(ev.value) })),
      [ACTIONS.signInSession]: (ev) =>
        toastReply(signInSession({ actorId: ev.actor.person.id, sessionId: parseId(ev.value) })),
      [ACTIONS.openMarkAttendance]: (ev) =>
        formReply(openMarkAttendanceForm({ actorId: ev.actor.person.id, sessionId: parseId(ev.value) })),
      [ACTIONS.completeTraining]: (ev) =>
        toastReply(completeTraining({ actorId: ev.actor.person.id, planId: parseId(ev.value) })),
      [ACTIONS.openReassessment]: (ev) =>
        formReply(openReassessmentForm({ actorId: ev.actor.person.id, planId: parseId(ev.value) })),
      [ACTIONS.acknowledgeJobAdjustment]: (ev) =>
        toastReply(acknowledgeJobAdjustment({ actorId: ev.actor.person.id, adjustmentId: parseId(ev.value) })),
      [ACTIONS.scheduleConversation]: (ev) => {
        const v = parseFollowUpValue(ev.value);
        return v
          ? formReply(
              openScheduleConversationForm({
                actorId: ev.actor.person.id,
                personId: v.employeeId,
                kpiKeys: v.kpiKeys,
                ...(v.reviewId !== undefined ? { reviewId: v.reviewId } : {}),
              }),
            )
          : notFoundReply(ev.actor.locale);
      },
      [ACTIONS.recordConversationNote]: (ev) =>
        formReply(openConversationNoteForm({ actorId: ev.actor.person.id, conversationId: parseId(ev.value) })),
      [ACTIONS.rescheduleConversation]: (ev) =>
        formReply(openRescheduleConversationForm({ actorId: ev.actor.person.id, conversationId: parseId(ev.value) })),
      [ACTIONS.cancelConversation]: (ev) =>
        formReply(openCancelConversationForm({ actorId: ev.actor.person.id, conversationId: parseId(ev.value) })),
      [ACTIONS.viewRecord]: (ev) => messageReply(viewMyRecord({ actorId: ev.actor.person.id, personId: ev.value })),
      [ACTIONS.promptTrainingPlan]: (ev) => {
        const v = parseFollowUpValue(ev.value);
        return v
          ? formReply(openTrainingPlanForm({ actorId: ev.actor.person.id, personId: v.employeeId, kpiKeys: v.kpiKeys }))
          : notFoundReply(ev.actor.locale);
      },
      [ACTIONS.promptConversation]: (ev) => {
        const v = parseFollowUpValue(ev.value);
        return v
          ? formReply(
              openNoteForm({
                actorId: ev.actor.person.id,
                personId: v.employeeId,
                kpiKeys: v.kpiKeys,
                kind: 'feedback',
              }),
            )
          : notFoundReply(ev.actor.locale);
      },
    },
    forms: {
      [FORMS.note]: (ev) => {
        const { personId, conversationId } = decodeNoteFormState(ev.state);
        return toastReply(
          createNote({
            actorId: ev.actor.person.id,
            personId,
            ...(conversationId !== undefined ? { conversationId } : {}),
            values: ev.values,
          }),
        );
      },
      [FORMS.scheduleConversation]: (ev) => {
        const state = decodeConversationState(ev.state);
        if (!state) return notFoundReply(ev.actor.locale);
        return toastReply(scheduleConversation({ actorId: ev.actor.person.id, ...state, values: ev.values }));
      },
      [FORMS.rescheduleConversation]: (ev) =>
        toastReply(
          rescheduleConversation({ actorId: ev.actor.person.id, conversationId: parseId(ev.state), values: ev.values }),
        ),
      [FORMS.cancelConversation]: (ev) =>
        toastReply(
          cancelConversation({ actorId: ev.actor.person.id, conversationId: parseId(ev.state), values: ev.values }),
        ),
      [FORMS.handbookSection]: (ev) =>
        toastReply(addHandbookSection({ actorId: ev.actor.person.id, values: ev.values })),
      [FORMS.handbookDispute]: (ev) =>
        toastReply(answerHandbook({ actorId: ev.actor.person.id, version: parseId(ev.state), values: ev.values })),
      [FORMS.incident]: (ev) =>
        toastReply(recordIncident({ actorId: ev.actor.person.id, personId: ev.state, values: ev.values })),
      [FORMS.incidentStatement]: (ev) =>
        toastReply(giveStatement({ actorId: ev.actor.person.id, incidentId: parseId(ev.state), values: ev.values })),
      [FORMS.disputeNote]: (ev) =>
        toastReply(disputeNote({ actorId: ev.actor.person.id, noteId: parseId(ev.state), values: ev.values })),
      [FORMS.recordRefusal]: (ev) => {
        const s = parseSubjectState(ev.state);
        return s
          ? toastReply(recordRefusal({ actorId: ev.actor.person.id, ...s, values: ev.values }))
          : notFoundReply(ev.actor.locale);
      },
      [FORMS.trainingPlan]: (ev) =>
        toastReply(createTrainingPlan({ actorId: ev.actor.person.id, personId: ev.state, values: ev.values })),
      [FORMS.markAttendance]: (ev) =>
        toastReply(markAttendance({ actorId: ev.actor.person.id, sessionId: parseId(ev.state), values: ev.values })),
      [FORMS.reassessment]: (ev) =>
        toastReply(recordReassessment({ actorId: ev.actor.person.id, planId: parseId(ev.state), values: ev.values })),
      [FORMS.jobAdjustment]: (ev) =>
        toastReply(adjustJob({ actorId: ev.actor.person.id, personId: ev.state, values: ev.values })),
    },
  };
}
