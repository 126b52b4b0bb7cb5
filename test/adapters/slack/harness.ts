/**
 * One Slack adapter under test: a real temp SQLite file, the real router, the real Bolt app mounted
 * on the shared HTTP host, the real sender, all talking to the fake Slack Web API on 127.0.0.1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogLevel } from '@slack/web-api';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.js';
import { SlackRequester } from '../../support/fake-slack-requests.js';
import { loadConfig } from '../../../src/config.js';
import type { FeatureHandlers } from '../../../src/app/types.js';
import { composeApp } from '../../../adapters/compose.js';
import { HttpHost } from '../../../adapters/http-host.js';
import type { AdapterContext } from '../../../adapters/context.js';
import { startSlack, type RunningSlack, type SlackAdapterOptions } from '../../../adapters/slack/index.js';
import type { Person } from '../../../src/ports/records.js';

export const SIGNING_SECRET = 'test-signing-secret';

export interface SlackHarness {
  db: TestDb;
  fake: FakeSlack;
  ctx: AdapterContext;
  slack: RunningSlack;
  slackReq: SlackRequester;
  /** Restart only the adapter (Bolt + sender) on the same database and fake: a process restart. */
  restartAdapter(options?: SlackAdapterOptions): Promise<void>;
  close(): Promise<void>;
}

/** Pacing fast enough for tests, with the same shape as production. */
export const TEST_OPTIONS: SlackAdapterOptions = {
  retryConfig: { retries: 0 },
  logLevel: LogLevel.ERROR,
  pacing: { global: [{ ratePerSec: 200, burst: 20 }], perChannel: { ratePerSec: 50, burst: 5 } },
  sender: { pollMs: 50, backoffMs: () => 50 },
};

export async function startSlackHarness(
  opts: {
    features?: (deps: Pick<AdapterContext, 'store' | 'clock' | 'settings'>) => FeatureHandlers[];
    socketMode?: boolean;
    now?: string;
    /** dandang.yml contents. */
    fileConfig?: string;
    options?: SlackAdapterOptions;
  } = {},
): Promise<SlackHarness> {
  const db = makeTestDb({ platforms: ['slack'], now: opts.now });
  const fake = await startFakeSlack();
  const configFile = join(db.dir, 'dandang.yml');
  writeFileSync(configFile, opts.fileConfig ?? '');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    DANDANG_CONFIG: configFile,
    DANDANG_DB: db.file,
    DANDANG_FILES: join(db.dir, 'files'),
    ...(opts.socketMode ? { SLACK_APP_TOKEN: 'xapp-test' } : {}),
  });
  // Composed as production composes it, on the test's migrated database and manual clock.
  const app = await composeApp(config, { clock: db.clock, conn: db.conn, features: opts.features });
  db.store = app.store;
  const http = new HttpHost();
  const ctx: AdapterContext = { ...app, http };
  let slack = await startSlack(ctx, { ...TEST_OPTIONS, ...opts.options });
  const port = await http.listen(0, '127.0.0.1');
  const h: SlackHarness = {
    db,
    fake,
    ctx,
    slack,
    slackReq: new SlackRequester(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake.url),
    async restartAdapter(options) {
      await slack.stop();
      // The HTTP route stays mounted on the host; a fresh Bolt app would mount a second one, so in
      // HTTP mode only the sender is restarted, which is what a crash mid-send is about.
      slack = await startSlack({ ...ctx, http: new HttpHost() }, { ...TEST_OPTIONS, ...opts.options, ...options });
      h.slack = slack;
    },
    async close() {
      await slack.stop();
      await http.close();
      await fake.stop();
      db.cleanup();
    },
  };
  return h;
}

export function person(p: Partial<Person> & { id: string }): Person {
  return {
    name: p.id,
    email: `${p.id}@example.com`,
    managerId: null,
    department: 'eng',
    jobId: null,
    role: 'employee',
    slackId: `U${p.id.toUpperCase()}`,
    feishuOpenId: null,
    locale: null,
    timezone: null,
    hireDate: '2024-01-01',
    teamChannelSlack: null,
    teamChannelFeishu: null,
    monthlyWage: null,
    active: true,
    ...p,
  };
}

export function addPeople(h: { db: TestDb }, people: Person[]): void {
  h.db.store.tx((tx) => {
    for (const p of people) tx.org.upsertPerson(p);
  });
}

/** Polls `check` until it returns a truthy value (robust on a slow machine: no fixed sleeps). */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
