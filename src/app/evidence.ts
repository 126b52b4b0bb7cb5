/**
 * Commands, buttons and forms of the evidence area: `/note @person`, `/training @person`,
 * `/review mine [@person]`, `/dandang adjust @person <job-id>`, and the follow-up buttons under a
 * below-target review. Each handler maps the neutral event to one use case and its result to a
 * Reply; the use cases authorize from the db.
 */
import type { UseCaseDeps, FeatureHandlers } from './types.js';
import type { Reply, Form } from '../ui/model.js';
import type { Result } from '../usecases/result.js';
import { ACTIONS, FORMS } from '../ui/actions.js';
import { t as translate } from '../ui/i18n/index.js';
import { parseFollowUpValue } from '../ui/screens/evidence/follow-ups.js';
import { parseSubjectState } from '../ui/screens/evidence/responses.js';
import { makeOpenNoteForm, makeCreateNote } from '../usecases/evidence/create-note.js';
import { makeAcknowledgeNote } from '../usecases/evidence/acknowledge-note.js';
import { makeOpenDisputeNoteForm, makeDisputeNote } from '../usecases/evidence/dispute-note.js';
import { makeOpenRefusalForm, makeRecordRefusal } from '../usecases/evidence/record-refusal.js';
import { makeOpenTrainingForm, makeCreateTrainingPlan } from '../usecases/evidence/create-training-plan.js';
import { makeAcknowledgeTraining } from '../usecases/evidence/acknowledge-training.js';
import { makeSignInSession } from '../usecases/evidence/sign-in-session.js';
import { makeOpenMarkAttendanceForm, makeMarkAttendance } from '../usecases/evidence/mark-attendance.js';
import { makeCompleteTraining } from '../usecases/evidence/complete-training.js';
import { makeOpenReassessmentForm, makeRecordReassessment } from '../usecases/evidence/record-reassessment.js';
import { makeOpenJobAdjustmentForm, makeAdjustJob } from '../usecases/evidence/adjust-job.js';
import { makeAcknowledgeJobAdjustment } from '../usecases/evidence/acknowledge-job-adjustment.js';
import { makeViewMyRecord } from '../usecases/evidence/view-my-record.js';

/** A failure with field errors goes back into the form; anything else is an error message. */
function replyOf<T>(r: Result<T>, onOk: (value: T) => Reply): Reply {
  if (!r.ok) {
    if (r.fieldErrors && Object.keys(r.fieldErrors).length) return { kind: 'formErrors', errors: r.fieldErrors };
    return { kind: 'error', code: r.code, text: r.message };
  }
  return onOk((r as { value: T }).value);
}
const formReply = (r: Result<Form>): Reply => replyOf(r, (form) => ({ kind: 'form', form }));
const toast = (text: string) => (): Reply => ({ kind: 'ok', toast: text });
/** A numeric id from an untrusted button value or form state; NaN matches nothing. */
const idOf = (raw: string): number => (/^\d{1,12}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN);

export function evidenceHandlers(deps: UseCaseDeps): FeatureHandlers {
  const openNoteForm = makeOpenNoteForm(deps);
  const createNote = makeCreateNote(deps);
  const acknowledgeNote = makeAcknowledgeNote(deps);
  const openDisputeNoteForm = makeOpenDisputeNoteForm(deps);
  const disputeNote = makeDisputeNote(deps);
  const openRefusalForm = makeOpenRefusalForm(deps);
  const recordRefusal = makeRecordRefusal(deps);
  const openTrainingForm = makeOpenTrainingForm(deps);
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

  const tr = (ev: { actor: { locale: 'en' | 'zh-CN' } }) => (key: Parameters<typeof translate>[1]) =>
    translate(ev.actor.locale, key);
  const badValue = (ev: { actor: { locale: 'en' | 'zh-CN' } }): Reply => ({
    kind: 'error',
    code: 'NOT_FOUND',
    text: tr(ev)('common.notFound'),
  });

  return {
    commands: {
      note: { '': (ev) => formReply(openNoteForm({ actor: ev.actor.person, personId: ev.mentions[0] })) },
      training: {
        // `/training` alone shows the actor's own record (their plans and sessions, with Sign in).
        '': (ev) =>
          ev.mentions[0]
            ? formReply(openTrainingForm({ actor: ev.actor.person, personId: ev.mentions[0] }))
            : replyOf(viewMyRecord({ actor: ev.actor.person }), (message) => ({ kind: 'ok', message })),
      },
      review: {
        mine: (ev) =>
          replyOf(viewMyRecord({ actor: ev.actor.person, personId: ev.mentions[0] }), (message) => ({
            kind: 'ok',
            message,
          })),
      },
      dandang: {
        adjust: (ev) => {
          const personId = ev.mentions[0];
          const toJobId = ev.args.split(/\s+/).find((w) => w && w !== personId && !ev.mentions.includes(w));
          return formReply(openJobAdjustmentForm({ actor: ev.actor.person, personId, toJobId }));
        },
      },
    },
    actions: {
      [ACTIONS.acknowledgeNote]: (ev) =>
        replyOf(acknowledgeNote({ actor: ev.actor.person, noteId: idOf(ev.value) }), toast(tr(ev)('ev.ack.recorded'))),
      [ACTIONS.disputeNote]: (ev) => formReply(openDisputeNoteForm({ actor: ev.actor.person, noteId: idOf(ev.value) })),
      [ACTIONS.recordRefusal]: (ev) => {
        const s = parseSubjectState(ev.value);
        return s ? formReply(openRefusalForm({ actor: ev.actor.person, ...s })) : badValue(ev);
      },
      [ACTIONS.acknowledgeTraining]: (ev) =>
        replyOf(
          acknowledgeTraining({ actor: ev.actor.person, planId: idOf(ev.value) }),
          toast(tr(ev)('ev.ack.recorded')),
        ),
      [ACTIONS.signInSession]: (ev) =>
        replyOf(signInSession({ actor: ev.actor.person, sessionId: idOf(ev.value) }), toast(tr(ev)('ev.ack.recorded'))),
      [ACTIONS.openMarkAttendance]: (ev) =>
        formReply(openMarkAttendanceForm({ actor: ev.actor.person, sessionId: idOf(ev.value) })),
      [ACTIONS.completeTraining]: (ev) =>
        replyOf(
          completeTraining({ actor: ev.actor.person, planId: idOf(ev.value) }),
          toast(tr(ev)('ev.training.completed')),
        ),
      [ACTIONS.openReassessment]: (ev) =>
        formReply(openReassessmentForm({ actor: ev.actor.person, planId: idOf(ev.value) })),
      [ACTIONS.acknowledgeJobAdjustment]: (ev) =>
        replyOf(
          acknowledgeJobAdjustment({ actor: ev.actor.person, adjustmentId: idOf(ev.value) }),
          toast(tr(ev)('ev.ack.recorded')),
        ),
      [ACTIONS.promptTrainingPlan]: (ev) => {
        const v = parseFollowUpValue(ev.value);
        return v
          ? formReply(openTrainingForm({ actor: ev.actor.person, personId: v.employeeId, kpiKeys: v.kpiKeys }))
          : badValue(ev);
      },
      [ACTIONS.promptConversation]: (ev) => {
        const v = parseFollowUpValue(ev.value);
        return v
          ? formReply(
              openNoteForm({ actor: ev.actor.person, personId: v.employeeId, kpiKeys: v.kpiKeys, kind: 'feedback' }),
            )
          : badValue(ev);
      },
    },
    forms: {
      [FORMS.note]: (ev) =>
        replyOf(createNote({ actor: ev.actor.person, personId: ev.state, values: ev.values }), (v) => ({
          kind: 'ok',
          toast: v.confirmation,
        })),
      [FORMS.disputeNote]: (ev) =>
        replyOf(
          disputeNote({ actor: ev.actor.person, noteId: idOf(ev.state), values: ev.values }),
          toast(tr(ev)('ev.ack.recorded')),
        ),
      [FORMS.recordRefusal]: (ev) => {
        const s = parseSubjectState(ev.state);
        return s
          ? replyOf(
              recordRefusal({ actor: ev.actor.person, ...s, values: ev.values }),
              toast(tr(ev)('ev.refusal.saved')),
            )
          : badValue(ev);
      },
      [FORMS.trainingPlan]: (ev) =>
        replyOf(createTrainingPlan({ actor: ev.actor.person, personId: ev.state, values: ev.values }), (v) => ({
          kind: 'ok',
          toast: v.confirmation,
        })),
      [FORMS.markAttendance]: (ev) =>
        replyOf(
          markAttendance({ actor: ev.actor.person, sessionId: idOf(ev.state), values: ev.values }),
          toast(tr(ev)('ev.training.marked')),
        ),
      [FORMS.reassessment]: (ev) =>
        replyOf(recordReassessment({ actor: ev.actor.person, planId: idOf(ev.state), values: ev.values }), (v) => ({
          kind: 'ok',
          toast: v.confirmation,
        })),
      [FORMS.jobAdjustment]: (ev) =>
        replyOf(adjustJob({ actor: ev.actor.person, personId: ev.state, values: ev.values }), (v) => ({
          kind: 'ok',
          toast: v.confirmation,
        })),
    },
  };
}
