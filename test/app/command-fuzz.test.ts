/**
 * Issue 13 #2: every command in the table (src/app/commands.ts), from every kind of person, with
 * random and hostile arguments, through the real router on the demo organisation. There is never an
 * exception (an HTTP 500 on a platform), every answer is in the reader's language and says what was
 * wrong, and nothing is written unless the answer says something was done. The local HTTP endpoint
 * gets the same in test/adapters/local/fuzz.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb, type TestDb } from '../support/db.js';
import { testSettings } from '../support/org.js';
import { loadDemo } from '../../adapters/local/demo/index.js';
import { makeRouter, type Router } from '../../src/app/router.js';
import { allFeatures } from '../../src/app/features.js';
import { actorOf } from '../../src/app/actor.js';
import { COMMANDS, COMMAND_NAMES, type CommandName } from '../../src/app/commands.js';
import { syntaxOf } from '../../src/app/command-args.js';
import type { Message, Reply } from '../../src/ui/model.js';
import { visibleText } from '../../src/ui/markup.js';
import {
  BROKEN_TEXT,
  FUZZ_SEED,
  HOSTILE_WORDS,
  VALID_WORDS,
  hasChinese,
  random,
  watchWrites,
  type Random,
} from './fuzz-support.js';

/** The demo's people of each kind, in both languages. */
const PERSONAS = ['oliver', 'chenjing', 'lina', 'wanglei', 'alice', 'zhangwei'] as const;
const KNOWN_IDS = ['zhangwei', 'ben', 'alice', 'liuyang', 'lina', 'chenjing', 'oliver'];
const ROUNDS = 14;

let db: TestDb;
let router: Router;
const settings = testSettings({ timezone: 'Asia/Shanghai' });

beforeAll(() => {
  db = makeTestDb({ platforms: ['local'], now: '2026-11-24T02:00:00Z' });
  loadDemo({ conn: db.conn, store: db.store, clock: db.clock, settings });
  router = makeRouter(allFeatures({ store: db.store, clock: db.clock, settings }), { store: db.store });
});
afterAll(() => db?.cleanup());

const word = (r: Random) => (r.chance(0.55) ? r.pick(HOSTILE_WORDS) : r.pick(VALID_WORDS));

/**
 * A random argument line for `/command sub`: half of them shaped like the command's syntax (a word
 * in each slot, a mention where a person goes) so they reach the use case, half any words at all.
 */
function randomLine(r: Random, command: CommandName, sub: string): { args: string; mentions: string[] } {
  const mentions = r.chance(0.6) ? [r.pick([...KNOWN_IDS, 'ghost', 'p-404'])] : [];
  if (r.chance(0.15)) mentions.push(r.pick(KNOWN_IDS));
  const words: string[] = [];
  const slots = r.chance(0.5) ? syntaxOf(command, sub)!.args : null;
  if (slots) {
    for (const slot of slots)
      if (slot.kind === 'word' && r.chance(0.8)) words.push(slot.words && r.chance(0.5) ? r.pick(slot.words) : word(r));
      else if (slot.kind === 'text') for (let n = r.int(4); n > 0; n--) words.push(word(r));
  } else {
    for (let n = r.int(5); n > 0; n--) words.push(word(r));
  }
  // Adapters put a mention's person id where it stood; sometimes a mention is not in the text at all.
  for (const m of mentions) if (r.chance(0.85)) words.splice(r.int(words.length + 1), 0, m);
  if (sub) words.unshift(r.chance(0.1) ? sub.toUpperCase() : sub);
  return { args: words.join(r.chance(0.1) ? '\u3000' : ' '), mentions };
}

const messageText = (m: Message | undefined) =>
  m ? [m.text, ...m.blocks.map((b) => JSON.stringify(b))].join('\n') : '';

/** Every text of a reply a person reads. */
function textsOf(reply: Reply): string[] {
  switch (reply.kind) {
    case 'ok':
      return [reply.toast ?? '', messageText(reply.message)];
    case 'form':
      return [reply.form.title, ...reply.form.inputs.map((i) => i.label)];
    case 'formErrors':
      return Object.values(reply.errors);
    case 'error':
      return [reply.text];
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('every command with random and hostile arguments, through the router', () => {
  const entries = COMMAND_NAMES.flatMap((command) =>
    Object.keys(COMMANDS[command]).map((sub) => [command, sub] as [CommandName, string]),
  );

  it.each(entries)(
    '/%s %s never throws, answers in the reader’s language, and a refusal writes nothing',
    async (command, sub) => {
      const r = random(FUZZ_SEED + command.length * 131 + sub.length * 17 + sub.charCodeAt(0) || 0);
      const failures: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const id of PERSONAS) {
          const person = db.store.read((tx) => tx.org.person(id))!;
          const actor = actorOf(person, 'local', settings);
          const { args, mentions } = randomLine(r, command, sub);
          const line = `${id}: /${command} ${args.slice(0, 80)} [${mentions.join(',')}] (seed ${FUZZ_SEED})`;
          await settle();
          const watch = watchWrites(db.conn);
          let reply: Reply;
          try {
            reply = await router.dispatch({ kind: 'command', actor, command, args, mentions });
          } catch (e) {
            failures.push(`${line}: threw ${String(e)}`);
            continue;
          }
          await settle();
          if (!['ok', 'form', 'formErrors', 'error'].includes(reply.kind))
            failures.push(`${line}: answered ${reply.kind}`);
          // What the reader sees, less what they typed (an echo of "NaN" is not a broken answer).
          const seen = textsOf(reply)
            .map((s) => visibleText(s, (x) => x))
            .map((s) => args.split(/\s+/).reduce((acc, w) => (w ? acc.split(w).join('') : acc), s));
          if (seen.some((s) => BROKEN_TEXT.test(s))) failures.push(`${line}: broken text ${JSON.stringify(seen)}`);
          if (reply.kind === 'error' && !reply.text.trim()) failures.push(`${line}: an empty refusal`);
          if (reply.kind === 'error' && actor.locale === 'zh-CN' && !hasChinese(reply.text))
            failures.push(`${line}: a Chinese reader refused in ${JSON.stringify(reply.text.slice(0, 120))}`);
          // A refusal, a form or a read wrote nothing (a refused attempt and a read are recorded by policy).
          const wrote = reply.kind === 'ok' && reply.toast !== undefined;
          const writes = watch.writes();
          if (process.env.FUZZ_VERBOSE) console.log(line, '→', reply.kind, textsOf(reply)[0]?.slice(0, 160), writes);
          if (!wrote && writes.length) failures.push(`${line}: answered ${reply.kind} and wrote ${writes.join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});

describe('the cases the issue names', () => {
  const say = async (id: string, command: CommandName, args: string, mentions: string[] = []) => {
    const person = db.store.read((tx) => tx.org.person(id))!;
    const watch = watchWrites(db.conn);
    const reply = await router.dispatch({
      kind: 'command',
      actor: actorOf(person, 'local', settings),
      command,
      args,
      mentions,
    });
    return { reply, text: reply.kind === 'error' ? visibleText(reply.text, (x) => x) : '', writes: watch.writes() };
  };

  it('a bad date in /dandang protect is refused in the reader’s language, naming the date rule', async () => {
    const { reply, text, writes } = await say('chenjing', 'dandang', 'protect zhangwei medical_treatment 2027-13-45', [
      'zhangwei',
    ]);
    expect(reply).toMatchObject({ kind: 'error', code: 'INVALID_INPUT' });
    expect(text).toBe('请使用 2026-11-30 这样的日期。');
    expect(hasChinese(text)).toBe(true);
    expect(writes).toEqual([]);
  });

  it('/dandang frobnicate says the command is unknown and what /dandang does, not the help card', async () => {
    const { reply, text } = await say('lina', 'dandang', 'frobnicate');
    expect(reply.kind).toBe('error');
    expect(text).toContain('/dandang frobnicate is not a command I know');
    expect(text).toContain('/dandang adjust @person [job-id]');
    expect(text).toContain('/dandang help');
    // A manager is not shown HR's tools.
    expect(text).not.toContain('/dandang protect');
  });

  it('/dandang adjust @x nosuchjob says the job is unknown instead of ignoring it', async () => {
    const { reply, text, writes } = await say('lina', 'dandang', 'adjust zhangwei nosuchjob', ['zhangwei']);
    expect(reply.kind).toBe('error');
    expect(text).toContain('There is no job with the id “nosuchjob”');
    expect(writes).toEqual([]);
    expect((await say('lina', 'dandang', 'adjust zhangwei support-agent', ['zhangwei'])).reply.kind).toBe('form');
  });

  it('/training with no argument asks for a person, as /note does', async () => {
    for (const command of ['training', 'note'] as const) {
      const { reply, text } = await say('lina', command, '');
      expect(reply.kind).toBe('error');
      expect(text).toBe(
        `Name the person: /${command} @person${command === 'note' ? ' [pip|checkin|improvement|warning|final|hearing]' : ''}`,
      );
    }
  });

  it('full-width words typed with a Chinese IME are the same words', async () => {
    expect((await say('lina', 'review', 'ｓｔａｔｕｓ')).reply.kind).toBe('ok');
    expect((await say('chenjing', 'review', 'status　ａｌｌ')).reply.kind).toBe('ok');
  });

  it('a word nobody reads is refused, not ignored', async () => {
    expect((await say('lina', 'review', 'status everything')).text).toBe(
      '/review status [all] does not take “everything”.',
    );
    expect((await say('lina', 'note', 'zhangwei alice', ['zhangwei', 'alice'])).text).toContain('One person at a time');
  });
});
