/**
 * The demo's eight weeks of history as a backtest set: the demo is loaded into a throwaway
 * database, and each person's reviews are read back through the warning repository. The ground
 * truth is the data (a person is positive when their reviews show a run of 3 below-target weeks);
 * the label is the demo profile, for the report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../db/client.js';
import { makeStore } from '../../../db/store.js';
import { ManualClock } from '../../../src/ports/clock.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import { addDays, dateMs } from '../../../src/domain/dates.js';
import { periodContaining } from '../../../src/domain/schedule.js';
import { firstRunStart, type BacktestSet } from '../../../src/domain/warning/backtest/index.js';
import { performanceHistory } from '../../../src/usecases/warning/history.js';
import { loadDemo } from './index.js';
import { DEMO_PEOPLE } from './org.js';

export function demoBacktestSet(settings: AppSettings, now: number): BacktestSet {
  const dir = mkdtempSync(join(tmpdir(), 'dandang-backtest-'));
  const conn = openDatabase(join(dir, 'demo.db'));
  try {
    const clock = new ManualClock(now);
    const store = makeStore(conn, clock, { platforms: [], defaultLocale: settings.locale });
    loadDemo({ conn, store, clock, settings });
    const ids = DEMO_PEOPLE.filter((p) => p.profile).map((p) => p.id);
    const reviews = store.tx((tx) => tx.warnings.reviewHistory(ids, 0));
    const all = [...reviews.values()].flat();
    if (!all.length) return { name: 'demo history (empty)', people: [], weeks: [], warmup: 0 };
    // Judge each week at the end of its Sunday (UTC), once that week's reviews are in.
    const first = periodContaining(
      'weekly',
      new Date(Math.min(...all.map((r) => r.submittedAt))).toISOString().slice(0, 10),
    );
    const weeks: number[] = [];
    for (let monday = first.start; dateMs(monday) + 7 * 86_400_000 <= now; monday = addDays(monday, 7))
      weeks.push(dateMs(addDays(monday, 7)) - 1);
    const people = ids.map((id) => {
      const history = performanceHistory(reviews.get(id) ?? []);
      return {
        id,
        label: DEMO_PEOPLE.find((p) => p.id === id)!.profile!,
        positive: firstRunStart(history, weeks, 3) !== null,
        history,
      };
    });
    return {
      name: `demo history (${weeks.length} weeks, ${people.length} people with reviews)`,
      people,
      weeks,
      warmup: 0,
    };
  } finally {
    conn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
