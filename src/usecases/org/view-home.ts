/**
 * The Home (`/dandang home`, Slack's App Home, the Feishu menu's `home` entry, the local
 * workspace's Home): one person's week from the database, never from the caller. A manager sees
 * the reviews due with a button each, the disputes of their reviews nobody has answered, and their
 * team's latest cycles; everyone with a job their own record and the reviews awaiting their
 * answer; HR and admins the open cases. A read: it takes no write lock and records nothing (the
 * case list names who has an open case and its path; a case's state is read, and audited, when its
 * card is asked for).
 */
import { fail, ok, type Result } from '../result.js';
import type { Message } from '../../ui/model.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import type { Person } from '../../ports/records.js';
import type { Store } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import { isHr } from '../../domain/people.js';
import { DAY_MS, dateIn, daysBetween } from '../../domain/dates.js';
import {
  buildHome,
  HOME_LIST_LIMIT,
  type HomeDispute,
  type HomeFollowUp,
  type HomeRecord,
  type HomeTeam,
  type HomeView,
} from '../../ui/screens/home/home.js';
import { entriesFor } from '../../ui/screens/home/entries.js';
import { pathLabel } from '../../ui/screens/offboarding/labels.js';
import { localeOf, localTimeFor, tFor, zoneOf } from '../shared/people.js';
import { disputeIsOpen } from '../shared/dispute-notice.js';
import { policyOf } from '../offboarding/policy.js';

/** What `store.read` hands its callback: the Home only reads. */
type ReadingTx = Parameters<Parameters<Store['read']>[0]>[0];

/** Disputes of the last year are listed while nobody has answered them (as `/review status all` does). */
const DISPUTE_LOOKBACK_MS = 365 * DAY_MS;
/** Unanswered reviews offered with their buttons: the newest few (the record lists them all). */
const UNANSWERED_SHOWN = 3;

export interface ViewHomeInput {
  actorId: string;
}

function openDisputesOf(tx: ReadingTx, actor: Person, settings: AppSettings, now: number): HomeDispute[] {
  const today = dateIn(now, zoneOf(actor, settings));
  const out: HomeDispute[] = [];
  for (const ack of tx.acks.disputes('review', now - DISPUTE_LOOKBACK_MS)) {
    const review = tx.reviews.review(Number(ack.subjectId));
    if (!review || review.authorId !== actor.id || !disputeIsOpen(tx, review, ack.createdAt)) continue;
    out.push({
      reviewId: review.id,
      employeeName: tx.org.person(review.employeeId)?.name ?? review.employeeId,
      periodLabel: review.periodLabel,
      days: daysBetween(dateIn(ack.createdAt, zoneOf(actor, settings)), today),
    });
  }
  return out.slice(0, HOME_LIST_LIMIT);
}

/**
 * What a manager started that now waits on them, for their reports: a training plan whose last
 * session ended (complete it), a completed plan with no reassessment yet, a conversation they
 * planned that has ended without its note, and the ones still to come.
 */
function followUpsOf(tx: ReadingTx, actor: Person, settings: AppSettings, now: number): HomeFollowUp[] {
  const out: HomeFollowUp[] = [];
  for (const report of tx.org.reportsOf(actor.id)) {
    for (const plan of tx.evidence.plansAbout(report.id)) {
      const lastEnd = Math.max(...plan.sessions.map((x) => x.endsAt));
      if (plan.status === 'active' && plan.sessions.length && lastEnd <= now)
        out.push({ kind: 'completePlan', planId: plan.id, employeeName: report.name });
      else if (plan.status === 'completed' && tx.evidence.reassessmentForPlan(plan.id) === null)
        out.push({ kind: 'reassess', planId: plan.id, employeeName: report.name });
    }
    for (const c of tx.evidence.conversationsAbout(report.id)) {
      if (c.organizerId !== actor.id || c.status !== 'planned') continue;
      const when = localTimeFor(actor, settings, c.startsAt);
      out.push(
        c.endsAt <= now
          ? { kind: 'recordNote', conversationId: c.id, employeeName: report.name, when }
          : { kind: 'upcoming', conversationId: c.id, employeeName: report.name, when },
      );
    }
  }
  return out.slice(0, HOME_LIST_LIMIT);
}

function recordOf(tx: ReadingTx, actor: Person): HomeRecord {
  const reviews = tx.reviews.reviewsOf(actor.id);
  const answers = new Map(
    tx.acks
      .forSubjects(
        'review',
        reviews.map((r) => String(r.id)),
      )
      .filter((a) => a.personId === actor.id)
      .map((a) => [a.subjectId, a.state]),
  );
  // A refusal to sign, witnessed, is not the employee's answer: it shows as not answered.
  const answerOf = (id: number) => {
    const a = answers.get(String(id));
    return a === 'acknowledged' || a === 'disputed' ? a : 'none';
  };
  const latest = reviews[0];
  return {
    reviews: reviews.length,
    latest: latest ? { periodLabel: latest.periodLabel, rating: latest.rating, answer: answerOf(latest.id) } : null,
    unanswered: reviews
      .filter((r) => !answers.has(String(r.id)))
      .slice(0, UNANSWERED_SHOWN)
      .map((r) => ({ reviewId: r.id, periodLabel: r.periodLabel })),
  };
}

export const makeViewHome =
  ({ store, clock, settings }: Pick<UseCaseDeps, 'store' | 'clock' | 'settings'>) =>
  (input: ViewHomeInput): Result<Message> =>
    store.read((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor?.active) return fail('NOT_FOUND', t('common.notFound'));
      const now = clock.now();
      const hr = isHr(actor);
      const reports = tx.org.reportsOf(actor.id).filter((r) => r.active);
      const manager = reports.length > 0;

      let reviewsDue: HomeView['reviewsDue'] = null;
      let teams: HomeView['teams'] = null;
      let teamsMore = 0;
      const latest = tx.reviews.latestCycles();
      if (manager) {
        const pending = tx.reviews.pendingSlotsOf(actor.id);
        reviewsDue = {
          items: pending.slice(0, HOME_LIST_LIMIT).map((s) => ({
            slotId: s.id,
            employeeName: s.employeeName,
            due: localTimeFor(actor, settings, s.dueAt),
            overdue: s.dueAt < now,
          })),
          more: Math.max(0, pending.length - HOME_LIST_LIMIT),
        };
        const mine: HomeTeam[] = [];
        for (const cycle of latest) {
          const slots = tx.reviews.slotViews({ cycleId: cycle.id, managerId: actor.id });
          if (slots.length)
            mine.push({
              department: cycle.department,
              periodLabel: cycle.label,
              done: slots.filter((s) => s.status === 'submitted').length,
              total: slots.length,
            });
        }
        teams = mine.slice(0, HOME_LIST_LIMIT);
        teamsMore = mine.length - teams.length;
      }

      let cases: HomeView['cases'] = null;
      if (hr) {
        // HR reads every team's progress (as `/review status all` shows it), not only their reports'.
        // The teams furthest behind first; a large organisation's rest is counted, not listed.
        const all = latest
          .map((c) => {
            const slots = tx.reviews.slotViews({ cycleId: c.id });
            return {
              department: c.department,
              periodLabel: c.label,
              done: slots.filter((s) => s.status === 'submitted').length,
              total: slots.length,
            };
          })
          .sort((a, b) => b.total - b.done - (a.total - a.done) || a.department.localeCompare(b.department));
        teams = all.slice(0, HOME_LIST_LIMIT);
        teamsMore = all.length - teams.length;
        const locale = localeOf(actor, settings);
        const open = tx.cases.open();
        cases = {
          items: open.slice(0, HOME_LIST_LIMIT).map((c) => ({
            id: c.id,
            employeeName: tx.org.person(c.employeeId)?.name ?? c.employeeId,
            path: pathLabel(t, locale, policyOf(c), c.reasonKind),
            days: Math.floor((now - c.openedAt) / DAY_MS),
          })),
          more: Math.max(0, open.length - HOME_LIST_LIMIT),
        };
      }

      const hasRecord = !!actor.jobId || tx.reviews.reviewsOf(actor.id).length > 0;
      return ok(
        buildHome(t, actor.id, {
          name: actor.name,
          reviewsDue,
          disputes: manager ? openDisputesOf(tx, actor, settings, now) : [],
          followUps: manager ? followUpsOf(tx, actor, settings, now) : [],
          teams,
          people: manager
            ? {
                items: reports.slice(0, HOME_LIST_LIMIT).map((r) => ({ id: r.id, name: r.name })),
                more: Math.max(0, reports.length - HOME_LIST_LIMIT),
              }
            : null,
          teamsScope: hr ? 'all' : 'mine',
          teamsMore,
          record: hasRecord ? recordOf(tx, actor) : null,
          cases,
          entries: entriesFor({ isHr: hr, isManager: manager }),
        }),
      );
    });
