/**
 * "Schedule a conversation" (under a below-target review, under a disputed review): the form that
 * plans one, with a date, a time, a place or link and an agenda. Who may: the person's manager
 * chain or HR, as for a note (src/domain/access.ts).
 */
import { ok, fail, type Result } from '../result.js';
import type { Form } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { buildScheduleConversationForm } from '../../ui/screens/evidence/conversation.js';
import { makeWorkCalendar } from '../../domain/calendar.js';
import { addDays } from '../../domain/dates.js';
import { may } from '../shared/access.js';
import { tFor, todayFor, zoneOf } from '../shared/people.js';

export interface OpenScheduleConversationFormInput {
  actorId: string;
  personId: string | undefined;
  /** KPIs to talk about (e.g. the missed ones). Untrusted: filtered against the job. */
  kpiKeys?: string[];
  /** The disputed review the conversation answers. Untrusted: checked against the person. */
  reviewId?: number;
}

export const makeOpenScheduleConversationForm =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: OpenScheduleConversationFormInput): Result<Form> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (!input.personId) return fail('INVALID_INPUT', t('ev.err.mention'));
      const subject = tx.org.person(input.personId);
      if (!subject) return fail('NOT_FOUND', t('common.unknownPerson'));
      if (!may(tx, actor, subject.id, 'create', 'note_shared'))
        return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      const review = input.reviewId !== undefined ? tx.reviews.review(input.reviewId) : null;
      if (input.reviewId !== undefined && review?.employeeId !== subject.id)
        return fail('NOT_FOUND', t('common.notFound'));
      const ack = review ? tx.acks.find('review', String(review.id), subject.id) : null;
      const dispute =
        review && ack?.state === 'disputed'
          ? { reviewId: review.id, period: review.periodLabel, comment: ack.comment ?? '' }
          : undefined;

      const kpis = subject.jobId ? (tx.org.jobWithKpis(subject.jobId)?.kpis ?? []) : [];
      const preselected = (input.kpiKeys ?? []).filter((k) => kpis.some((x) => x.key === k));
      const names = preselected.map((k) => kpis.find((x) => x.key === k)!.name);
      const agenda = dispute
        ? t('ev.conv.agendaDispute', { period: dispute.period })
        : names.length
          ? t('ev.conv.agendaKpis', { kpis: names.join(t('common.listSep')) })
          : t('ev.conv.agendaDefault');
      // Suggest the next working day: a conversation needs both people in.
      const cal = makeWorkCalendar(settings.holidays);
      let day = addDays(todayFor(actor, settings, clock.now()), 1);
      for (let i = 0; i < 14 && !cal.isWorkday(day); i++) day = addDays(day, 1);
      return ok(
        buildScheduleConversationForm(t, {
          personId: subject.id,
          personName: subject.name,
          kpis,
          preselected,
          zone: zoneOf(actor, settings),
          day,
          agenda,
          ...(dispute ? { dispute } : {}),
        }),
      );
    });
