/**
 * `/review mine` and `/review mine @person` (Slack's App Home dispatches the former): the evidence
 * record of a person, filtered item by item through the access table (src/domain/access.ts).
 * An employee sees only their own record and never a private note; the manager chain and HR see a
 * report's record except other people's private notes; an author sees their own private notes.
 * Buttons are offered for what the viewer may still do (acknowledge, sign in, record a refusal,
 * mark attendance, complete, reassess); each is re-authorized by its own use case when clicked.
 */
import { ok, fail, type Result } from '../result.js';
import type { Message, Button } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { ACTIONS } from '../../ui/actions.js';
import { canAccess, noteRecordType, type AccessContext } from '../../domain/access.js';
import { canSignInAt } from '../../domain/evidence-rules.js';
import { buildRecordView, type RecordData } from '../../ui/screens/evidence/record.js';
import { responseLine, subjectState } from '../../ui/screens/evidence/responses.js';
import { planManagerButtons } from '../../ui/screens/evidence/training.js';
import { kpiSubjectId } from '../../domain/kpi.js';
import { noteView, planView, adjustmentView } from './evidence-messages.js';
import { accessContext } from '../shared/access.js';
import { tFor, zoneOf } from '../shared/people.js';
import { dateIn } from '../../domain/dates.js';
import { isHr } from '../../domain/people.js';
import { literal } from '../../ui/markup.js';
import { nextStep } from '../../ui/screens/next-steps.js';
import { whereText } from '../../ui/screens/evidence/conversation.js';
import { canAmendReview } from '../review/review-access.js';
import { conversationView } from './evidence-messages.js';
import { fileButtons, fileLines, sessionSheetButtons } from '../../ui/screens/files/file-lines.js';
import { findAttachable, mayAttach } from '../files/attachable.js';
import type { SubjectRef } from '../../domain/files.js';
import type { Attachment } from '../../ports/repos/attachments.js';

export interface ViewMyRecordInput {
  actorId: string;
  /** Whose record; the actor's own when absent. */
  personId?: string;
}

export const makeViewMyRecord =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: ViewMyRecordInput): Result<Message> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const subject = tx.org.person(input.personId ?? actor.id);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      const ctx: AccessContext = accessContext(tx, actor, subject.id);
      const can = (record: Parameters<typeof canAccess>[2], extra: Partial<AccessContext> = {}) =>
        canAccess({ ...ctx, ...extra }, 'read', record);
      // Nothing about this person is readable: say so rather than show an empty record.
      if (!can('review')) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));

      const self = ctx.relations.includes('self');
      // Who opened whose record is itself audited (`/dandang audit @person`); one's own is not.
      if (!self)
        tx.audit.record({
          actorId: actor.id,
          action: 'read.record',
          subjectType: 'person',
          subjectId: subject.id,
          detail: {},
        });
      const mayRecordRefusal = canAccess(ctx, 'create', 'refusal');
      const mayManagePlans = canAccess(ctx, 'create', 'training_plan');
      const zone = zoneOf(actor, settings);
      const names = (id: string) => tx.org.person(id)?.name ?? id;
      const now = clock.now();
      const topButtons: Button[] = [];
      const refusalButton = (type: 'note' | 'training_plan' | 'job_adjustment', id: number): Button[] =>
        mayRecordRefusal
          ? [{ actionId: ACTIONS.recordRefusal, label: t('ev.refusal.button'), value: subjectState(type, id) }]
          : [];

      let job: RecordData['job'] = null;
      const jobRow = subject.jobId && can('kpis') ? tx.org.jobWithKpis(subject.jobId) : null;
      if (jobRow) {
        const ack =
          jobRow.kpiVersion > 0 ? tx.acks.find('kpis', kpiSubjectId(jobRow.id, jobRow.kpiVersion), subject.id) : null;
        job = {
          title: jobRow.title,
          version: jobRow.kpiVersion,
          kpis: jobRow.kpis,
          ackLine: jobRow.kpiVersion > 0 ? responseLine(t, ack, subject.name, names, zone) : null,
        };
        if (self && !ack && jobRow.kpiVersion > 0)
          topButtons.push({
            actionId: ACTIONS.acknowledgeKpis,
            label: t('ev.ack.acknowledge'),
            value: kpiSubjectId(jobRow.id, jobRow.kpiVersion),
            style: 'primary',
          });
      }

      // Files follow their record: each list below shows a record's files only where the record shows.
      const filesOf = new Map<string, Attachment[]>();
      for (const a of tx.attachments.aboutPerson(subject.id)) {
        const k = `${a.subjectType}:${a.subjectId}`;
        filesOf.set(k, [...(filesOf.get(k) ?? []), a]);
      }
      const sessionDay = new Map<number, string>();
      const filesAt = (ref: SubjectRef) => filesOf.get(`${ref.type}:${ref.id}`) ?? [];
      const linesOf = (files: Attachment[]) =>
        fileLines(t, files, {
          names,
          day: (at) => dateIn(at, zone),
          sessionOf: (a) =>
            a.subjectType === 'training_session'
              ? t('files.session', { date: sessionDay.get(a.subjectId) ?? `#${a.subjectId}` })
              : null,
        });
      const mayAttachTo = (ref: SubjectRef) => {
        const record = findAttachable(tx, ref);
        return !!record && mayAttach(tx, actor, record);
      };
      const buttonsFor = (ref: SubjectRef, count = filesAt(ref).length) =>
        fileButtons(t, ref, { mayAttach: mayAttachTo(ref), count });

      const reviewRows = can('review') ? tx.reviews.reviewsOf(subject.id).slice(0, 20) : null;
      const replies = reviewRows ? tx.reviews.repliesTo(reviewRows.map((r) => r.id)) : [];
      const day = (at: number) => dateIn(at, zone);
      const reviews = reviewRows
        ? reviewRows.map((review) => {
            const ack = tx.acks.find('review', String(review.id), subject.id);
            const amendment = review.amendedAt ? tx.reviews.amendments(review.id).at(-1) : undefined;
            return {
              review,
              ack,
              ackLine: responseLine(t, ack, subject.name, names, zone),
              notes: [
                ...(amendment
                  ? [t('ev.record.amended', { date: day(amendment.createdAt), author: names(amendment.authorId) })]
                  : []),
                ...replies
                  .filter((r) => r.reviewId === review.id)
                  .map((r) =>
                    t('review.employee.replyLine', {
                      author: names(r.authorId),
                      date: day(r.createdAt),
                      body: literal(r.body),
                    }),
                  ),
                ...linesOf(filesAt({ type: 'review', id: review.id })),
              ],
            };
          })
        : null;
      // A submitted review changes only through an amendment: offer it here, disputed ones first.
      const amendButtons = (reviews ?? [])
        .filter(({ review }) => canAmendReview(actor, review, subject))
        .sort((a, b) => Number(b.ack?.state === 'disputed') - Number(a.ack?.state === 'disputed'))
        .slice(0, 3)
        .map(({ review }) => ({
          ...nextStep.amendReview(t, review.id),
          label: t('review.amend.buttonFor', { period: review.periodLabel }),
        }));
      // The employee answers a review here too: the typed fallback of the review DM's buttons
      // (a card that stopped answering, a DM lost in the scroll). The use case re-checks the click.
      const answerButtons: Button[] = self
        ? (reviews ?? [])
            .filter(({ ack }) => !ack)
            .slice(0, 3)
            .flatMap(({ review }) => [
              {
                actionId: ACTIONS.acknowledgeReview,
                label: t('review.acknowledgeFor', { period: review.periodLabel }),
                value: String(review.id),
                style: 'primary' as const,
              },
              {
                actionId: ACTIONS.disputeReview,
                label: t('review.disputeFor', { period: review.periodLabel }),
                value: String(review.id),
              },
            ])
        : [];
      const reviewButtons = [...answerButtons, ...amendButtons];

      // Files of the latest reviews that have some, and Attach file on the newest.
      const reviewFileButtons = (reviews ?? []).flatMap(({ review }, i) =>
        buttonsFor({ type: 'review', id: review.id }).filter(
          (b) => (b.actionId === ACTIONS.attachFile && i === 0) || b.actionId === ACTIONS.getFiles,
        ),
      );
      const recentConversations = can('note_shared')
        ? tx.evidence.conversationsAbout(subject.id).reverse().slice(0, 5)
        : null;
      const conversations = recentConversations
        ? recentConversations.map((c) => {
            const v = conversationView(tx, settings, c, actor);
            const status = t(
              c.status === 'planned'
                ? 'ev.conv.statusPlanned'
                : c.status === 'recorded'
                  ? 'ev.conv.statusRecorded'
                  : 'ev.conv.statusCancelled',
            );
            const where = whereText(t, c);
            return `${t('ev.conv.line', { when: v.when, name: v.organizerName, status })}${where ? ` · ${where}` : ''}`;
          })
        : null;
      // A planned conversation whose organizer has left would stay on the employee's calendar: HR may
      // cancel it (`conversation-organizer.ts`). Its organizer cancels from their own DM.
      const conversationButtons: Button[] = isHr(actor)
        ? (recentConversations ?? [])
            .filter((c) => c.status === 'planned' && !tx.org.person(c.organizerId)?.active)
            .map((c) => ({
              actionId: ACTIONS.cancelConversation,
              label: t('ev.conv.cancelLeftButton', { when: conversationView(tx, settings, c, actor).when }),
              value: String(c.id),
            }))
        : [];

      const notes = tx.evidence
        .notesAbout(subject.id)
        .filter((n) => can(noteRecordType(n.visibility), { isAuthor: n.authorId === actor.id }))
        .reverse()
        .map((n) => {
          const view = noteView(tx, settings, n, zone);
          const pending = n.visibility !== 'private' && !view.ack;
          const buttons: Button[] =
            pending && self
              ? [
                  {
                    actionId: ACTIONS.acknowledgeNote,
                    label: t('ev.ack.acknowledge'),
                    value: String(n.id),
                    style: 'primary',
                  },
                  { actionId: ACTIONS.disputeNote, label: t('ev.ack.dispute'), value: String(n.id) },
                ]
              : pending
                ? refusalButton('note', n.id)
                : [];
          const ref: SubjectRef = { type: 'note', id: n.id };
          return { view, buttons: [...buttons, ...buttonsFor(ref)], files: linesOf(filesAt(ref)) };
        });

      const plans = can('training_plan')
        ? tx.evidence
            .plansAbout(subject.id)
            .reverse()
            .map((p) => {
              const view = planView(tx, settings, p, zone);
              const reassessmentId = tx.evidence.reassessmentForPlan(p.id);
              const reassessment = reassessmentId ? tx.reviews.review(reassessmentId) : null;
              const buttons: Button[] = [];
              if (self) {
                if (!view.ack)
                  buttons.push({
                    actionId: ACTIONS.acknowledgeTraining,
                    label: t('ev.ack.acknowledge'),
                    value: String(p.id),
                    style: 'primary',
                  });
                for (const s of p.sessions) {
                  const attended = view.attendance.some((a) => a.sessionId === s.id);
                  if (!attended && canSignInAt(s, now))
                    topButtons.push({
                      actionId: ACTIONS.signInSession,
                      label: t('ev.training.signIn'),
                      value: String(s.id),
                      style: 'primary',
                    });
                }
              } else {
                if (!view.ack) buttons.push(...refusalButton('training_plan', p.id));
                const isTrainer = p.trainerId === actor.id;
                if (mayManagePlans || isTrainer) {
                  const extra = planManagerButtons(t, p, reassessment !== null).flatMap((b) =>
                    b.type === 'actions' ? b.buttons : [],
                  );
                  // A trainer outside the chain may mark attendance, nothing more.
                  buttons.push(
                    ...(mayManagePlans ? extra : extra.filter((b) => b.actionId === ACTIONS.openMarkAttendance)),
                  );
                }
              }
              const ref: SubjectRef = { type: 'training_plan', id: p.id };
              for (const s of p.sessions) sessionDay.set(s.id, dateIn(s.startsAt, zone));
              // A plan's files are its own and its sessions' (the signed sheets); one button sends them all.
              const planFiles = [
                ...filesAt(ref),
                ...p.sessions.flatMap((s) => filesAt({ type: 'training_session', id: s.id })),
              ];
              // Each held session's signed sign-in sheet goes on the session itself.
              const sheetButtons = mayAttachTo(ref)
                ? sessionSheetButtons(
                    t,
                    p.sessions.map((s) => ({
                      id: s.id,
                      day: dateIn(s.startsAt, zone),
                      started: s.startsAt <= now,
                      hasFile: filesAt({ type: 'training_session', id: s.id }).length > 0,
                    })),
                  )
                : [];
              return {
                view: { ...view, attendance: can('attendance') ? view.attendance : [] },
                reassessment,
                buttons: [...buttons, ...buttonsFor(ref, planFiles.length), ...sheetButtons],
                files: linesOf(planFiles),
              };
            })
        : null;

      const adjustments = can('job_adjustment')
        ? tx.evidence
            .jobAdjustmentsAbout(subject.id)
            .reverse()
            .map((a) => {
              const view = adjustmentView(tx, settings, a, zone);
              const buttons: Button[] = view.ack
                ? []
                : self
                  ? [
                      {
                        actionId: ACTIONS.acknowledgeJobAdjustment,
                        label: t('ev.ack.acknowledge'),
                        value: String(a.id),
                        style: 'primary',
                      },
                    ]
                  : refusalButton('job_adjustment', a.id);
              const ref: SubjectRef = { type: 'job_adjustment', id: a.id };
              return { view, buttons: [...buttons, ...buttonsFor(ref)], files: linesOf(filesAt(ref)) };
            })
        : null;

      const responses = can('acknowledgment')
        ? tx.acks
            .forPerson(subject.id)
            .reverse()
            .map((ack) => ({ ack, names }))
        : null;

      return ok(
        buildRecordView(t, {
          personName: subject.name,
          job,
          reviews,
          reviewButtons: [...reviewButtons, ...reviewFileButtons.slice(0, 4)],
          conversations,
          conversationButtons,
          notes,
          plans,
          adjustments,
          responses,
          topButtons,
          ownRecord: self,
        }),
      );
    });
