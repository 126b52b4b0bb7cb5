/**
 * A big import is written in short transactions with pauses, so the bot (another connection, here
 * in the same process) gets the write lock while the import is still running, and the people it
 * reads in between are whole rows, never a half-written file's worth of a transaction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { openDatabase, type Connection } from '../../../db/client.js';
import { makeStore } from '../../../db/store.js';
import { retryWhileBusy } from '../../../src/ports/store.js';
import { makeImportOrg } from '../../../src/usecases/org/import-org.js';
import { makeImportJobs } from '../../../src/usecases/org/import-jobs.js';
import { HEADER, defaultSettings, example, personLine } from './support.js';

let t: TestDb;
let botConn: Connection | undefined;
afterEach(() => {
  botConn?.close();
  t?.cleanup();
});

describe('org import in batches (#4)', () => {
  it('lets another connection write between its transactions, and finishes with everyone written', async () => {
    t = makeTestDb();
    const settings = defaultSettings();
    expect((await makeImportJobs({ store: t.store, clock: t.clock, settings })({ yaml: example('jobs.yml') })).ok).toBe(
      true,
    );
    botConn = openDatabase(t.file);
    const bot = makeStore(botConn, t.clock, { platforms: ['slack'], defaultLocale: 'en' }, { whenLocked: 'yield' });
    const lines = [personLine({ id: 'm0', job: 'team-manager' })];
    for (let i = 1; i < 300; i++) lines.push(personLine({ id: `p${i}`, manager: 'm0' }));

    let finished = false;
    const importing = makeImportOrg({
      store: t.store,
      clock: t.clock,
      settings,
      batch: { maxRows: 20, maxMs: 60_000, pauseMs: 5 },
    })({
      csv: [HEADER, ...lines].join('\n'),
    }).finally(() => (finished = true));

    // The bot's writes while the import runs: each one lands between two of the import's batches.
    const seenMidImport: number[] = [];
    for (let i = 0; !finished; i++) {
      await retryWhileBusy(() => bot.tx((tx) => tx.markProcessed(`bot:${i}`)));
      const people = bot.read((tx) => tx.org.allPeople().length);
      if (!finished) seenMidImport.push(people);
      await new Promise((r) => setTimeout(r, 3));
    }
    const r = await importing;
    expect(r).toMatchObject({ ok: true, value: { created: 300 } });
    // The bot wrote while the import was part-way: some people written, not yet all.
    expect(seenMidImport.some((n) => n > 0 && n < 300)).toBe(true);
    // Every batch is whole: the bot only ever saw multiples of the batch size.
    expect(seenMidImport.every((n) => n % 20 === 0)).toBe(true);
  });
});
