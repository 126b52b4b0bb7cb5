/**
 * Loads the demo organisation into an EMPTY database: people, jobs with KPIs (acknowledged), about
 * eight weeks of reviews, and the current cycle opened through the same code the schedule uses, so
 * every manager has a nudge waiting. Never touches a database that already has people.
 */
import type { Connection } from '../../../db/client.js';
import { makeStore } from '../../../db/store.js';
import { ManualClock, type Clock } from '../../../src/ports/clock.js';
import type { Store } from '../../../src/ports/store.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import type { AdapterContext } from '../../context.js';
import { openCycle, currentPeriod } from '../../../src/usecases/schedule/open-cycle.js';
import { sendNudges } from '../../../src/usecases/review/nudge.js';
import { kpiSubjectId } from '../../../src/domain/kpi.js';
import { DEMO_JOBS, DEMO_PEOPLE, toPersonRecord } from './org.js';
import { seedHistory, noteEvents } from './seed-history.js';
import { backfillHrCases, backfillLocalDms, queueWelcomes } from './past-messages.js';
import { caseHistoryEvents } from './case-history.js';
import { deliverPastChannelPosts } from './past-channel-posts.js';
import { seedLeaves, seedPastWarnings } from './past-warnings.js';

const DAY = 86_400_000;
const ORG_SINCE_DAYS = 200;

export interface DemoDeps {
  conn: Connection;
  /** The live store: the current cycle's nudges go through its outbox. */
  store: Store;
  clock: Clock;
  settings: AppSettings;
}

export interface DemoSummary {
  people: number;
  cycles: number;
  reviews: number;
  openedCycles: number;
}

export function hasPeople(store: Store): boolean {
  return store.read((tx) => tx.org.allPeople().length > 0);
}

export function loadDemo(deps: DemoDeps): DemoSummary | null {
  const { conn, settings } = deps;
  const now = deps.clock.now();
  if (hasPeople(deps.store)) return null;

  // The past is written with a clock that walks through it, and with no outbox platforms: those
  // messages went out weeks ago and must not be delivered now.
  // The organisation exists from 200 days back: long enough for a by-the-book Art. 40(2) record
  // (case-history.ts), whose KPIs were acknowledged before any review period it relies on.
  const past = new ManualClock(now - ORG_SINCE_DAYS * DAY);
  const history = makeStore(conn, past, { platforms: [], defaultLocale: settings.locale });
  history.tx((tx) => {
    for (const j of DEMO_JOBS) {
      tx.org.upsertJob({ id: j.id, title: j.title, duties: j.duties, requirements: j.requirements });
      const version = tx.org.replaceKpis(j.id, j.kpis);
      tx.audit.record({
        actorId: 'oliver',
        action: 'job.import',
        subjectType: 'job',
        subjectId: j.id,
        detail: { kpiVersion: version, demo: true },
      });
    }
    // Managers first, so every manager id exists before a report points at it.
    for (const p of [...DEMO_PEOPLE].sort((a, b) => Number(!!a.managerId) - Number(!!b.managerId))) {
      tx.org.upsertPerson(toPersonRecord(p));
      tx.audit.record({
        actorId: 'oliver',
        action: 'person.import',
        subjectType: 'person',
        subjectId: p.id,
        detail: { department: p.department, role: p.role, demo: true },
      });
    }
  });
  // Everyone acknowledged their KPIs within a day or two of getting them.
  for (const p of DEMO_PEOPLE.filter((x) => x.jobId)) {
    past.set(now - (ORG_SINCE_DAYS - 1) * DAY + DEMO_PEOPLE.indexOf(p) * 3_600_000);
    history.tx((tx) => {
      const subjectId = kpiSubjectId(p.jobId!, tx.org.job(p.jobId!)!.kpiVersion);
      if (tx.acks.record({ subjectType: 'kpis', subjectId, personId: p.id, state: 'acknowledged', recordedBy: p.id }))
        tx.audit.record({
          actorId: p.id,
          action: 'kpis.acknowledge',
          subjectType: 'kpis',
          subjectId,
          detail: { demo: true },
        });
    });
  }
  // The team channels' digests of those weeks are posted by the schedule's own use case, into
  // local outbox rows that are then filed as delivered at their time.
  const channels = makeStore(conn, past, { platforms: ['local'], defaultLocale: settings.locale });
  const summary = seedHistory(
    history,
    past,
    settings,
    now,
    [...noteEvents(now, settings.timezone), ...caseHistoryEvents({ store: history, clock: past, settings }, now)],
    channels,
  );
  deliverPastChannelPosts(conn, now);
  seedLeaves(history, settings, now);
  seedPastWarnings(history, past, settings, now);

  // The DMs and HR-channel case cards that history produced, for the local workspace (other
  // platforms never saw them).
  backfillLocalDms(conn, deps.store, settings);
  backfillHrCases(conn, deps.store, settings, now);
  queueWelcomes(deps.store, settings);

  // The current cycle, through the shared opener: one nudge is queued for every manager.
  const departments = [...new Set(DEMO_PEOPLE.filter((p) => p.managerId).map((p) => p.department))];
  const opened = deps.store.tx((tx) => {
    const outcomes = departments
      .map((d) => openCycle(tx, d, currentPeriod(d, now, settings), { settings, now, actorId: null }))
      .filter((o) => o.created);
    sendNudges(tx, [...new Set(outcomes.flatMap((o) => o.managerIds))], settings, now);
    return outcomes.length;
  });
  return {
    people: DEMO_PEOPLE.length,
    cycles: summary.cycles + opened,
    reviews: summary.reviews,
    openedCycles: opened,
  };
}

/** Called by the local adapter at start: the demo appears only in a database with nobody in it. */
export async function loadDemoIfEmpty(ctx: AdapterContext): Promise<DemoSummary | null> {
  return loadDemo({ conn: ctx.conn, store: ctx.store, clock: ctx.clock, settings: ctx.settings });
}
