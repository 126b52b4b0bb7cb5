/**
 * No token, secret or key reaches any output. Two nets:
 *  1. every error path of both adapters, run here with every logger at `trace` and console captured:
 *     Feishu's token endpoint and long-connection endpoint answering 500 (the Lark SDK then logs the
 *     whole request, app_secret included), Slack's auth.test refused, chat.postMessage answering 500
 *     and invalid_auth, forged requests;
 *  2. the whole adapter suite, run in a child process at `trace`, all of its stdout and stderr.
 * Each also checks that the error lines it looks through were written, so it cannot pass on silence.
 */
import { spawnSync } from 'node:child_process';
import { format } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { overrideLogging } from '../../adapters/logging.js';
import {
  startFeishuHarness,
  addPeople,
  person,
  waitFor,
  APP_ID,
  ENCRYPT_KEY,
  VERIFICATION_TOKEN,
} from '../adapters/feishu/harness.js';
import {
  startSlackHarness,
  SIGNING_SECRET,
  addPeople as addSlackPeople,
  person as slackPerson,
} from '../adapters/slack/harness.js';
import { FAKE_TENANT_TOKEN } from '../support/fake-feishu.js';
import { testLogging } from '../support/logs.js';
import type { Message } from '../../src/ui/model.js';

/** The secrets the harnesses configure, and what the fakes hand out. */
const SECRETS = [
  'app-secret-test',
  VERIFICATION_TOKEN,
  ENCRYPT_KEY,
  FAKE_TENANT_TOKEN,
  'xoxb-test',
  'xapp-test',
  SIGNING_SECRET,
];
/** A message body: it must not be logged either. */
const BODY = 'Confidential: performance concerns about Mia';
const message: Message = { text: BODY, blocks: [{ type: 'text', text: BODY }] };

let output: string[] = [];

beforeEach(() => {
  output = [];
  overrideLogging({ level: 'trace', destination: { write: (line: string) => void output.push(line) } });
  // Anything an SDK prints past our logger, too.
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void output.push(format(...args)));
});
afterEach(() => {
  vi.restoreAllMocks();
  overrideLogging(testLogging());
});

function expectNoSecrets(text: string): void {
  for (const s of SECRETS) expect(text, `"${s}" in the output`).not.toContain(s);
  expect(text, 'a message body in the output').not.toContain(BODY);
}

const rowStatus = (conn: { sqlite: import('better-sqlite3').Database }, key: string, platform: string) =>
  (
    conn.sqlite.prepare('select status from outbox where key = ? and platform = ?').get(key, platform) as
      { status: string } | undefined
  )?.status;

describe('no secret in any log, on every error path', () => {
  it('Feishu HTTP mode: the token endpoint answers 500 three times, then the message goes out', async () => {
    const h = await startFeishuHarness({ mode: 'http' });
    try {
      addPeople(h, [person({ id: 'mia' })]);
      h.fake.failPath('/open-apis/auth/', 500, 3);
      h.db.store.tx((tx) => tx.outbox.post({ key: 'nudge:1:mia', to: { person: 'mia' }, message }));
      h.feishu.wakeSender();
      await waitFor(() => rowStatus(h.db.conn, 'nudge:1:mia', 'feishu') === 'sent', 'the nudge to be sent', 30_000);
    } finally {
      await h.close();
    }
    const text = output.join('\n');
    // The SDK did log the failed token call (through our logger), and we logged the failed send.
    expect(text).toMatch(/"sdk":"lark"/);
    expect(text).toMatch(/tenant_access_token/);
    expect(h.fake.calls.filter((c) => c.path.includes('tenant_access_token') && c.status === 500)).toHaveLength(3);
    expectNoSecrets(text);
  });

  it('Feishu long connection: the endpoint and the token call fail while reconnecting', async () => {
    const h = await startFeishuHarness({ mode: 'ws' });
    try {
      addPeople(h, [person({ id: 'mia' })]);
      h.fake.failPath('/callback/ws/endpoint', 500, 2);
      h.fake.failPath('/open-apis/auth/', 503, 2);
      h.fake.dropConnections();
      h.db.store.tx((tx) => tx.outbox.post({ key: 'nudge:1:mia', to: { person: 'mia' }, message }));
      h.feishu.wakeSender();
      await waitFor(() => rowStatus(h.db.conn, 'nudge:1:mia', 'feishu') === 'sent', 'the nudge to be sent', 30_000);
      await waitFor(
        () => h.fake.calls.filter((c) => c.path === '/callback/ws/endpoint' && c.status === 500).length === 2,
        'two refused reconnects',
        30_000,
      );
      // The app id is not a secret, but the reconnect body carries the secret next to it.
      expect(
        h.fake.calls.some((c) => c.path === '/callback/ws/endpoint' && JSON.stringify(c.body).includes(APP_ID)),
      ).toBe(true);
    } finally {
      await h.close();
    }
    const text = output.join('\n');
    expect(text).toMatch(/"sdk":"lark"/);
    expectNoSecrets(text);
  });

  it('Slack: auth.test refused at start, chat.postMessage answering 500 and invalid_auth, forged requests', async () => {
    // A refused token stops the start with a message that names what to fix, not the token.
    const first = await startSlackHarness();
    let refused: unknown;
    try {
      first.fake.failNext('auth.test', 'invalid_auth');
      refused = await first.restartAdapter().then(
        () => null,
        (e: unknown) => e,
      );
    } finally {
      await first.close();
    }
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/SLACK_BOT_TOKEN/);
    expectNoSecrets(String((refused as Error).stack));

    const h = await startSlackHarness();
    try {
      addSlackPeople(h, [slackPerson({ id: 'mia' })]);
      h.fake.failHttpNext('chat.postMessage', 500, 2);
      h.db.store.tx((tx) => tx.outbox.post({ key: 'nudge:1:mia', to: { person: 'mia' }, message }));
      h.slack.wakeSender();
      await waitFor(() => rowStatus(h.db.conn, 'nudge:1:mia', 'slack') === 'sent', 'the nudge to be sent', 30_000);

      h.fake.failNext('chat.postMessage', 'invalid_auth');
      h.db.store.tx((tx) => tx.outbox.post({ key: 'nudge:2:mia', to: { person: 'mia' }, message }));
      h.slack.wakeSender();
      await waitFor(() => rowStatus(h.db.conn, 'nudge:2:mia', 'slack') === 'failed', 'the refused nudge to fail');

      // A forged signature and a stale request are refused.
      const forged = await h.slackReq.slashCommand('UMIA', '/review', 'status', { signature: 'v0=forged' });
      expect(forged.status).toBe(401);
    } finally {
      await h.close();
    }
    const text = output.join('\n');
    expect(text).toMatch(/"sdk":"slack"/);
    expect(text).toMatch(/chat\.postMessage/);
    expectNoSecrets(text);
  });
});

describe('no secret in the output of the whole adapter suite at trace level', () => {
  // The whole adapter suite in one child: minutes on a loaded 2-core machine (it timed out at 300 s
  // while other suites ran beside it). spawnSync blocks, so this only bounds how long is tolerated.
  it('runs test/adapters in a child process and greps everything it printed', { timeout: 900_000 }, () => {
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/adapters'], {
      env: { ...process.env, DANDANG_TEST_LOG: 'trace', FORCE_COLOR: '0', CI: '1' },
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const text = `${run.stdout}\n${run.stderr}`;
    expect(text).toMatch(/Test Files/);
    // The SDKs' own lines were there to be searched.
    expect(text).toMatch(/"sdk":"lark"/);
    expect(text).toMatch(/"sdk":"slack"/);
    for (const s of SECRETS) expect(text.includes(s), `"${s}" in the adapter suite's output`).toBe(false);
  });
});
