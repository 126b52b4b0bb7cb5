/**
 * Issue 13 #2 at the local workspace's HTTP endpoint: typed command lines (every command of the
 * table with random and hostile words and @names), clicks on every button id and submissions of
 * every form id with hostile values, and malformed requests. The server never answers 5xx, always
 * answers JSON the page can show, in the persona's language, and a refusal writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/ports/clock.js';
import { startLocalApp, type LocalApp } from '../../../adapters/local/testing.js';
import { COMMANDS, COMMAND_NAMES } from '../../../src/app/commands.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';
import {
  BROKEN_TEXT,
  FUZZ_SEED,
  HOSTILE_WORDS,
  VALID_WORDS,
  hasChinese,
  random,
  watchWrites,
  type Random,
} from '../../app/fuzz-support.js';

/** Personas of each kind and language, and the names a persona may type after `@`. */
const PERSONAS = ['oliver', 'chenjing', 'lina', 'wanglei', 'alice', 'zhangwei'] as const;
const CHINESE = new Set(['chenjing', 'wanglei', 'zhangwei']);
const NAMES = ['@张伟', '@Ben Carter', '@Alice Wang', '@刘洋', '@Li Na', '@陈静', '@nobody', '@', '@@', '@张'];
/** Input ids the product's forms use, so hostile values land in fields a use case reads. */
const INPUT_IDS = [
  'kind',
  'held_on',
  'discussion',
  'comment',
  'date',
  'reason',
  'rating',
  'strengths',
  'improvement',
  'kpi_revenue',
  'kpis',
  'visibility',
  'from',
  'to',
  'to_job',
  'effective_on',
  'goal',
  'trainer',
  'session1_at',
  'status',
  'time',
  'meeting_url',
];

/**
 * The page's copy of delivered messages: a delivery of what an earlier success queued may land
 * during a later request. What a request wrote is in the outbox, which is counted.
 */
const DELIVERED = ['local_messages'];

/**
 * The requests that take an offboarding step: a refusal of one by a person with a part in the case
 * is recorded in the case's history (`watchWrites`' `stepAttempt`). Opening a step's form is not
 * one of them: it writes nothing, refused or not.
 */
const STEP_ATTEMPTS: readonly string[] = [ACTIONS.caseAdvance, ACTIONS.caseAdvanceInLieu, FORMS.caseStep];
const watchRequest = (id?: string) =>
  watchWrites(app.conn, { ignoreTables: DELIVERED, stepAttempt: STEP_ATTEMPTS.includes(id ?? '') });

let dir: string;
let app: LocalApp;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dandang-fuzz-'));
  app = await startLocalApp(
    { PORT: '0', DANDANG_DB: join(dir, 'd.db') },
    new ManualClock(new Date('2026-11-24T02:00:00Z').getTime()),
  );
  // The demo's welcome messages and nudges are delivered before anything is measured.
  for (let i = 0; i < 200 && pending() > 0; i++) await new Promise((r) => setTimeout(r, 25));
});
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const pending = () =>
  (app.conn.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n;

interface Answer {
  kind?: string;
  text?: string;
  toast?: string;
  html?: string;
  errors?: Record<string, string>;
}

async function post(path: string, persona: string, body: unknown, raw?: string) {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dandang-persona': persona },
    body: raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  let json: Answer | null = null;
  try {
    json = JSON.parse(text) as Answer;
  } catch {
    /* checked below */
  }
  return { status: res.status, json, text };
}

const word = (r: Random) => (r.chance(0.6) ? r.pick(HOSTILE_WORDS) : r.pick(VALID_WORDS));

function commandLine(r: Random): string {
  const command = r.pick(COMMAND_NAMES);
  const sub = r.pick(Object.keys(COMMANDS[command]));
  const words = [sub];
  for (let n = r.int(5); n > 0; n--) words.push(r.chance(0.3) ? r.pick(NAMES) : word(r));
  const slash = r.chance(0.15) ? '／' : '/';
  return `${slash}${command} ${words.join(r.chance(0.1) ? '\u3000' : ' ')}`;
}

function hostileValues(r: Random): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (let n = r.int(6); n > 0; n--)
    values[r.pick(INPUT_IDS)] = r.chance(0.15) ? [word(r), word(r)] : r.chance(0.05) ? { x: 1 } : word(r);
  return values;
}

/** What a persona's page would show: never a crash, always their language. */
function check(failures: string[], what: string, persona: string, res: Awaited<ReturnType<typeof post>>) {
  if (res.status >= 500) failures.push(`${what}: HTTP ${res.status} ${res.text.slice(0, 120)}`);
  if (!res.json || typeof res.json.kind !== 'string')
    failures.push(`${what}: not a JSON answer: ${res.text.slice(0, 120)}`);
  const shown = [res.json?.text ?? '', res.json?.toast ?? '', ...Object.values(res.json?.errors ?? {})].join('\n');
  if (BROKEN_TEXT.test(shown.replace(/NaN|undefined/g, (m) => (what.includes(m) ? '' : m))))
    failures.push(`${what}: broken text ${shown.slice(0, 160)}`);
  if (res.json?.kind === 'error' && res.status === 200 && CHINESE.has(persona) && !hasChinese(res.json.text ?? ''))
    failures.push(`${what}: a Chinese persona was answered ${JSON.stringify(res.json.text?.slice(0, 120))}`);
}

const refused = (res: Awaited<ReturnType<typeof post>>) =>
  !res.json ||
  res.json.kind === 'error' ||
  res.json.kind === 'formErrors' ||
  res.json.kind === 'form' ||
  res.status !== 200;

describe('the local HTTP endpoint with random and hostile requests', () => {
  it('typed command lines: never a 5xx, always the persona’s language, and a refusal writes nothing', async () => {
    const r = random(FUZZ_SEED);
    const failures: string[] = [];
    for (let i = 0; i < 240; i++) {
      const persona = r.pick(PERSONAS);
      const text = commandLine(r);
      const what = `${persona}: ${text.slice(0, 100)} (seed ${FUZZ_SEED})`;
      const watch = watchRequest();
      const res = await post('/api/command', persona, { text });
      check(failures, what, persona, res);
      const writes = watch.writes();
      if (refused(res) && writes.length) failures.push(`${what}: refused and wrote ${writes.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('every button and every form with hostile values: never a 5xx, and a refusal writes nothing', async () => {
    const r = random(FUZZ_SEED + 1);
    const failures: string[] = [];
    const values = [...HOSTILE_WORDS, '1', '2', '3', '1:manager_confirms', 'zhangwei', '', 'a:b:c'];
    for (const actionId of [...Object.values(ACTIONS), 'no.such_action', '__proto__']) {
      for (let i = 0; i < 3; i++) {
        const persona = r.pick(PERSONAS);
        const value = r.pick(values);
        const what = `${persona}: click ${actionId} ${JSON.stringify(value.slice(0, 40))} (seed ${FUZZ_SEED})`;
        const watch = watchRequest(actionId);
        const res = await post('/api/action', persona, { actionId, value });
        check(failures, what, persona, res);
        if (refused(res) && watch.writes().length)
          failures.push(`${what}: refused and wrote ${watch.writes().join(', ')}`);
      }
    }
    for (const formId of [...Object.values(FORMS), 'no.such_form']) {
      for (let i = 0; i < 3; i++) {
        const persona = r.pick(PERSONAS);
        const body = {
          formId,
          state: r.pick(values),
          values: hostileValues(r),
          instance: r.chance(0.5) ? 'x'.repeat(20) : '',
        };
        const what = `${persona}: submit ${formId} ${JSON.stringify(body).slice(0, 120)} (seed ${FUZZ_SEED})`;
        const watch = watchRequest(formId);
        const res = await post('/api/submit', persona, body);
        check(failures, what, persona, res);
        if (refused(res) && watch.writes().length)
          failures.push(`${what}: refused and wrote ${watch.writes().join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('malformed requests are refused with a 4xx, never a 5xx, and write nothing', async () => {
    const watch = watchRequest();
    const statuses = [
      (await post('/api/command', 'lina', null, 'not json')).status,
      (await post('/api/command', 'lina', null, '[1,2,3]')).status,
      (await post('/api/command', 'lina', null, '{"text": 42}')).status,
      (await post('/api/command', 'ghost', { text: '/dandang help' })).status,
      (await post('/api/submit', 'lina', { formId: 'review.form', values: 'not an object' })).status,
      (await post('/api/nothing', 'lina', {})).status,
      (await fetch(`${app.url}/api/file?id=abc&as=lina`)).status,
      (await fetch(`${app.url}/api/file?id=-1&as=lina`)).status,
    ];
    // A body over the limit is not read: the answer is a 4xx, or the connection is closed under it.
    const oversize = await post('/api/command', 'lina', null, `{"text": "${'x'.repeat(1_100_000)}"}`).then(
      (res) => res.status,
      (e: Error) => ((e.cause as { code?: string } | undefined)?.code === 'ECONNRESET' ? 400 : 500),
    );
    expect([...statuses, oversize].filter((s) => s >= 500)).toEqual([]);
    expect(watch.writes()).toEqual([]);
  });
});
