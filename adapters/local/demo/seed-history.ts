/**
 * About eight weeks of review history before "now", written through the real repositories and
 * audited in order with a clock that walks through the past, so the audit chain verifies and
 * every row carries a plausible timestamp. Values are deterministic functions of (person, period).
 */
import type { ManualClock } from '../../../src/ports/clock.js';
import type { Store, Tx } from '../../../src/ports/store.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import type { Kpi } from '../../../src/ports/records.js';
import type { KpiResult } from '../../../src/ports/repos/reviews.js';
import {
  periodContaining,
  openInstant,
  dueInstant,
  addDuration,
  type Period,
  type Cadence,
} from '../../../src/domain/schedule.js';
import { readyDigestGroups, sendChannelDigests } from '../../../src/usecases/schedule/cycle-digests.js';
import { makeWorkCalendar } from '../../../src/domain/calendar.js';
import { addDays, dateIn } from '../../../src/domain/dates.js';
import { kpiMet } from '../../../src/domain/review.js';
import { DEMO_PEOPLE, DEMO_JOBS, type Profile } from './org.js';
import { reviewTexts, disputeText, noteTexts } from './texts.js';

const HOUR = 3_600_000;
const HISTORY_DAYS = 56;

/** A stable number in [0, 1) from a string: the demo's only source of "randomness". */
function unit(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/** Whether this profile misses this period (mixed performers miss about a third of the time). */
function missesThisPeriod(profile: Profile, personId: string, label: string): boolean {
  if (profile === 'missing') return true;
  if (profile === 'mixed') return unit(`${personId}:${label}:miss`) < 0.35;
  return false;
}

function actualFor(k: Kpi, profile: Profile, miss: boolean, seed: string): number {
  const r = unit(seed);
  const better = (f: number) => (k.direction === 'higher' ? k.target * f : k.target / f);
  let v: number;
  if (miss) v = better(0.62 + r * 0.25);
  else if (profile === 'strong') v = better(1.08 + r * 0.22);
  else if (profile === 'ranked-last') v = better(1.0 + r * 0.04);
  else v = better(1.0 + r * 0.12);
  // Percentages near 100 must stay plausible; counts are whole numbers.
  if (k.unit === '%') v = Math.min(99.99, k.target + (v - k.target) * (k.target > 95 ? 0.08 : 1));
  if (k.unit === '%' && miss && k.target > 95) v = k.target - 0.3 - r * 0.8;
  if (k.key === 'new_accounts' || k.key === 'units_per_hour') v = Math.round(v);
  return Math.round(v * 10) / 10;
}

/**
 * The reporting periods of the last eight weeks, oldest first, for one department's cadence: every
 * period that ended in them, so a weekly team has eight weeks of reviews and eight digests.
 */
function pastPeriods(cadence: Cadence, today: string): Period[] {
  const current = periodContaining(cadence, today);
  const out: Period[] = [];
  const oldest = addDays(today, -HISTORY_DAYS);
  for (
    let p = periodContaining(cadence, addDays(current.start, -1));
    p.end >= oldest;
    p = periodContaining(cadence, addDays(p.start, -1))
  ) {
    out.unshift(p);
  }
  return out;
}

export interface HistorySummary {
  cycles: number;
  reviews: number;
}

/**
 * Writes the history. `store` must be bound to `clock` (the loader makes one with no outbox
 * platforms: these messages were "sent" weeks ago and must not be delivered now). `channels`, bound
 * to the same clock, writes the local workspace's outbox rows of the team channels' digests, which
 * the loader then files as delivered at their time (./past-channel-posts.ts); without it the
 * digests are only marked as sent.
 */
export function seedHistory(
  store: Store,
  clock: ManualClock,
  settings: AppSettings,
  now: number,
  extra: DemoEvent[] = [],
  channels?: Store,
): HistorySummary {
  const cal = makeWorkCalendar(settings.holidays);
  const summary: HistorySummary = { cycles: 0, reviews: 0 };
  const today = dateIn(now, settings.timezone);
  const lastStep = settings.reminders.length - 1;
  const events: DemoEvent[] = [...extra];
  const departments = [...new Set(DEMO_PEOPLE.filter((p) => p.managerId).map((p) => p.department))];

  for (const d of departments) {
    const s = settings.scheduleFor(d);
    const periods = pastPeriods(s.cadence, today);
    periods.forEach((period, i) => {
      const opensAt = openInstant(s, period, settings.timezone);
      const dueAt = dueInstant(s, period, settings.timezone, cal);
      const slotOf = (tx: Tx, employeeId: string) => {
        const cycle = tx.reviews.cycleFor(d, period.start);
        return cycle
          ? (tx.reviews.slotViews({ cycleId: cycle.id }).find((x) => x.employeeId === employeeId) ?? null)
          : null;
      };
      events.push({
        at: opensAt,
        run: (tx) => {
          const cycle = tx.reviews.createCycle({
            department: d,
            cadence: s.cadence,
            label: period.label,
            periodStart: period.start,
            periodEnd: period.end,
            openedAt: opensAt,
            openedBy: null,
          });
          if (!cycle) return;
          summary.cycles++;
          const pairs = tx.reviews.reportsWithManagers(d);
          tx.reviews.insertSlots(
            pairs.map(({ employee, manager }) => ({
              cycleId: cycle.id,
              managerId: manager.id,
              employeeId: employee.id,
              dueAt,
              // Past weeks' nudges went out at the time; none is due for them now.
              nudgeWeek: period.label,
            })),
          );
          tx.audit.record({
            actorId: null,
            action: 'cycle.open',
            subjectType: 'cycle',
            subjectId: cycle.id,
            detail: { department: d, label: period.label, slots: pairs.length, demo: true },
          });
        },
      });
      const isLastPeriod = i === periods.length - 1;
      for (const person of DEMO_PEOPLE.filter((p) => p.department === d && p.profile && p.jobId)) {
        // One review the manager never wrote: the digest and status screens show a gap.
        if (person.id === 'maria' && i === periods.length - 3) continue;
        const job = DEMO_JOBS.find((j) => j.id === person.jobId)!;
        const miss = missesThisPeriod(person.profile!, person.id, period.label);
        const submittedAt = dueAt - (4 + Math.floor(unit(`${person.id}:${period.label}:t`) * 40)) * HOUR;
        events.push({
          at: submittedAt,
          run: (tx) => {
            const slot = slotOf(tx, person.id);
            if (!slot) return;
            writeReview(tx, {
              slotId: slot.id,
              submittedAt,
              employeeId: person.id,
              authorId: slot.managerId,
              job,
              profile: person.profile!,
              miss,
              period,
            });
            summary.reviews++;
          },
        });
        // Employees answer a few hours later; some of last period's reviews are still unanswered.
        if (isLastPeriod && (person.id === 'ben' || person.id === 'priya')) continue;
        const dispute = miss && (person.id === 'huangmin' || person.id === 'tom') ? disputeText(person.locale) : null;
        events.push({
          at: submittedAt + (2 + Math.floor(unit(`${person.id}:${period.label}:a`) * 20)) * HOUR,
          run: (tx) => {
            const slot = slotOf(tx, person.id);
            const review = slot ? tx.reviews.reviewBySlot(slot.id) : null;
            if (review) respond(tx, person.id, review.id, dispute);
          },
        });
      }
      events.push({
        at: dueAt + HOUR,
        run: (tx) => {
          const cycle = tx.reviews.cycleFor(d, period.start);
          const ids = cycle ? tx.reviews.slotViews({ cycleId: cycle.id }).map((x) => x.id) : [];
          // The reminders for these weeks went out long ago: mark them so nothing re-sends.
          tx.reviews.setEscalationLevel(ids, lastStep);
          if (!channels) tx.reviews.markDigestSent(ids);
        },
      });
      // The team channel's digest, posted when the schedule would have posted it, by the same use
      // case the schedule runs. One still due after "now" is left to the live schedule.
      const digestAt = addDuration(dueAt, settings.digestAfter, settings.timezone);
      if (channels && digestAt < now)
        events.push({
          at: digestAt,
          store: channels,
          run: (tx) => {
            for (const g of readyDigestGroups(tx, digestAt, settings))
              sendChannelDigests(tx, g.cycleId, tx.reviews.digestChannelsDue(g, 1000), settings);
          },
        });
    });
  }

  // Replayed in time order (stable for ties), so audit rows are chronological like real ones.
  events.sort((x, y) => x.at - y.at);
  for (const e of events) {
    clock.set(Math.min(e.at, now - 1));
    (e.store ?? store).tx(e.run);
  }
  return summary;
}

function writeReview(
  tx: Tx,
  r: {
    slotId: number;
    submittedAt: number;
    employeeId: string;
    authorId: string;
    job: (typeof DEMO_JOBS)[number];
    profile: Profile;
    miss: boolean;
    period: Period;
  },
): void {
  const version = tx.org.job(r.job.id)!.kpiVersion;
  const kpis = tx.org.jobWithKpis(r.job.id, version)!.kpis;
  const results: KpiResult[] = kpis.map((k, idx) => {
    // A missing performer misses revenue every week; a mixed one misses their first KPI.
    const missThis = r.miss && (idx === 0 || r.profile === 'missing');
    const actual = actualFor(k, r.profile, missThis, `${r.employeeId}:${r.period.label}:${k.key}`);
    return {
      key: k.key,
      name: k.name,
      unit: k.unit,
      target: k.target,
      direction: k.direction,
      actual,
      met: kpiMet(k, actual),
    };
  });
  const belowTarget = results.some((x) => !x.met);
  const rating = belowTarget ? (r.profile === 'missing' ? 2 : 3) : r.profile === 'strong' ? 5 : 4;
  const author = DEMO_PEOPLE.find((p) => p.id === r.authorId)!;
  const text = reviewTexts(author.locale, {
    belowTarget,
    strong: r.profile === 'strong',
    seed: unit(`${r.employeeId}:${r.period.label}:txt`),
  });
  const review = tx.reviews.insertReview({
    slotId: r.slotId,
    employeeId: r.employeeId,
    authorId: r.authorId,
    jobId: r.job.id,
    kpiVersion: version,
    periodLabel: r.period.label,
    rating,
    strengths: text.strengths,
    improvement: text.improvement,
    comment: text.comment,
    belowTarget,
    submittedAt: r.submittedAt,
    results,
  });
  tx.reviews.markSlotSubmitted(r.slotId);
  tx.audit.record({
    actorId: r.authorId,
    action: 'review.submit',
    subjectType: 'review',
    subjectId: review.id,
    detail: { slotId: r.slotId, rating, belowTarget, demo: true },
  });
}

function respond(tx: Tx, employeeId: string, reviewId: number, dispute: string | null): void {
  const ack = tx.acks.record({
    subjectType: 'review',
    subjectId: String(reviewId),
    personId: employeeId,
    state: dispute ? 'disputed' : 'acknowledged',
    comment: dispute,
    recordedBy: employeeId,
  });
  if (ack)
    tx.audit.record({
      actorId: employeeId,
      action: dispute ? 'review.dispute' : 'review.acknowledge',
      subjectType: 'review',
      subjectId: reviewId,
      detail: { demo: true },
    });
}

/** Something that happened at a point in the past, replayed in time order with the history. */
export interface DemoEvent {
  at: number;
  run: (tx: Tx) => void;
  /** The store to run in, when not the history's (the digests' writes the local outbox). */
  store?: Store;
}

/**
 * Evidence beyond reviews: a documented conversation with the missing performer (acknowledged), and
 * for the "bottom of the ranking" employee nothing but a private grumble, which is not evidence.
 */
export function noteEvents(now: number, timezone: string): DemoEvent[] {
  const texts = noteTexts();
  const at = (daysAgo: number) => now - daysAgo * 24 * HOUR;
  const day = (daysAgo: number) => dateIn(at(daysAgo), timezone);
  return [
    {
      at: at(25),
      run: (tx) => {
        const note = tx.evidence.insertNote(
          {
            personId: 'zhangwei',
            authorId: 'lina',
            kind: 'one_on_one',
            heldOn: day(25),
            discussion: texts.zhangwei,
            kpiKeys: ['revenue', 'new_accounts'],
            nextCheckIn: day(11),
            visibility: 'evidence',
          },
          [{ description: texts.zhangweiAction, ownerId: 'zhangwei', dueOn: day(11) }],
        );
        tx.audit.record({
          actorId: 'lina',
          action: 'note.create',
          subjectType: 'note',
          subjectId: note.id,
          detail: { personId: 'zhangwei', kind: note.kind, demo: true },
        });
      },
    },
    {
      at: at(24),
      run: (tx) => {
        const note = tx.evidence.notesAbout('zhangwei').find((n) => n.kind === 'one_on_one');
        if (
          note &&
          tx.acks.record({
            subjectType: 'note',
            subjectId: String(note.id),
            personId: 'zhangwei',
            state: 'acknowledged',
            recordedBy: 'zhangwei',
          })
        )
          tx.audit.record({
            actorId: 'zhangwei',
            action: 'note.acknowledge',
            subjectType: 'note',
            subjectId: note.id,
            detail: { demo: true },
          });
      },
    },
    {
      at: at(9),
      run: (tx) => {
        const note = tx.evidence.insertNote(
          {
            personId: 'ben',
            authorId: 'lina',
            kind: 'feedback',
            heldOn: day(9),
            discussion: texts.ben,
            kpiKeys: [],
            nextCheckIn: null,
            visibility: 'private',
          },
          [],
        );
        tx.audit.record({
          actorId: 'lina',
          action: 'note.create',
          subjectType: 'note',
          subjectId: note.id,
          detail: { personId: 'ben', kind: note.kind, demo: true },
        });
      },
    },
  ];
}
