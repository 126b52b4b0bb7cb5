/**
 * One Feishu adapter under test: a real temp SQLite file, the real router, the real Lark SDK (Client,
 * WSClient, EventDispatcher) talking to the fake Feishu on 127.0.0.1, in long-connection or HTTP mode.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { startFakeFeishu, type FakeFeishu } from '../../support/fake-feishu.js';
import { loadConfig } from '../../../src/config.js';
import type { FeatureHandlers } from '../../../src/app/types.js';
import { composeApp } from '../../../adapters/compose.js';
import { HttpHost } from '../../../adapters/http-host.js';
import type { AdapterContext } from '../../../adapters/context.js';
import { startFeishu, type FeishuAdapter, type FeishuOptions } from '../../../adapters/feishu/index.js';
import type { Person } from '../../../src/ports/records.js';
import type { EnvelopeOpts } from '../../support/fake-feishu-callbacks.js';

export const APP_ID = 'cli_0123456789abcdef';
export const VERIFICATION_TOKEN = 'v-token-test';
export const ENCRYPT_KEY = 'encrypt-key-test';

export interface FeishuHarness {
  db: TestDb;
  fake: FakeFeishu;
  ctx: AdapterContext;
  feishu: FeishuAdapter;
  /** Base URL of the shared HTTP server (HTTP mode callbacks live under /feishu). */
  httpUrl: string;
  /** Envelope fields for a genuine delivery now (right token, current time). */
  envelope(extra?: Partial<EnvelopeOpts>): EnvelopeOpts;
  /** Stop the adapter (listeners + sender) and start a fresh one on the same database: a process restart. */
  restartAdapter(options?: FeishuOptions): Promise<void>;
  close(): Promise<void>;
}

export const TEST_OPTIONS: FeishuOptions = {
  pollMs: 50,
  pacing: { global: [{ ratePerSec: 200, burst: 20 }], perChannel: { ratePerSec: 50, burst: 5 } },
};

export async function startFeishuHarness(
  opts: {
    mode?: 'ws' | 'http';
    encryptKey?: string | null;
    allowInsecure?: boolean;
    features?: (deps: Pick<AdapterContext, 'store' | 'clock' | 'settings'>) => FeatureHandlers[];
    now?: string;
    fileConfig?: string;
    options?: FeishuOptions;
  } = {},
): Promise<FeishuHarness> {
  const db = makeTestDb({ platforms: ['feishu'], now: opts.now });
  const fake = await startFakeFeishu();
  const configFile = join(db.dir, 'dandang.yml');
  writeFileSync(configFile, opts.fileConfig ?? '');
  const encryptKey = opts.encryptKey === null ? undefined : (opts.encryptKey ?? ENCRYPT_KEY);
  const config = loadConfig({
    FEISHU_APP_ID: APP_ID,
    FEISHU_APP_SECRET: 'app-secret-test',
    FEISHU_DOMAIN: fake.url,
    FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
    ...(encryptKey ? { FEISHU_ENCRYPT_KEY: encryptKey } : {}),
    FEISHU_MODE: opts.mode ?? 'ws',
    ...(opts.allowInsecure ? { FEISHU_ALLOW_INSECURE: '1' } : {}),
    DANDANG_CONFIG: configFile,
    DANDANG_DB: db.file,
    DANDANG_FILES: join(db.dir, 'files'),
  });
  // Composed as production composes it, on the test's migrated database and manual clock.
  const app = await composeApp(config, { clock: db.clock, conn: db.conn, features: opts.features });
  db.store = app.store;
  const http = new HttpHost();
  const ctx: AdapterContext = { ...app, http };
  let feishu: FeishuAdapter;
  try {
    feishu = await startFeishu(ctx, { ...TEST_OPTIONS, ...opts.options });
  } catch (err) {
    await fake.close();
    db.cleanup();
    throw err;
  }
  const port = await http.listen(0, '127.0.0.1');
  await feishu.ready;
  const h: FeishuHarness = {
    db,
    fake,
    ctx,
    feishu,
    httpUrl: `http://127.0.0.1:${port}`,
    envelope: (extra = {}) => ({ token: VERIFICATION_TOKEN, createTime: db.clock.now(), ...extra }),
    async restartAdapter(options) {
      await h.feishu.stop();
      // HTTP mode's routes stay mounted on the shared host; the fresh adapter mounts on a spare one.
      h.feishu = await startFeishu({ ...ctx, http: new HttpHost() }, { ...TEST_OPTIONS, ...opts.options, ...options });
      await h.feishu.ready;
    },
    async close() {
      await h.feishu.stop();
      await http.close();
      await fake.close();
      db.cleanup();
    },
  };
  return h;
}

export function person(p: Partial<Person> & { id: string }): Person {
  return {
    name: p.id,
    email: `${p.id}@example.test`,
    managerId: null,
    department: 'Sales',
    jobId: null,
    role: 'employee',
    slackId: null,
    feishuOpenId: `ou_${p.id}`,
    locale: null,
    timezone: null,
    hireDate: null,
    teamChannelSlack: null,
    teamChannelFeishu: null,
    monthlyWage: null,
    active: true,
    ...p,
  };
}

export function addPeople(h: FeishuHarness, people: Person[]): void {
  h.db.store.tx((tx) => {
    for (const p of people) tx.org.upsertPerson(p);
  });
}

/** Polls until `cond` holds; fails with `what` after the timeout. */
export async function waitFor<T>(
  cond: () => T | undefined | null | false,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = cond();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
