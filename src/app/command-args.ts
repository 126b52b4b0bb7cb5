/**
 * A command's words against its syntax (COMMAND_SYNTAX in ./commands.ts): the one parser of command
 * arguments. The router runs it before any handler, so a handler gets the words by name and never
 * sees a word nobody reads; what does not fit is refused with the command's usage, in the reader's
 * language. Meaning (does the job exist, is the date a date) stays with the use case.
 */
import type { T } from '../ui/i18n/index.js';
import { literal } from '../ui/markup.js';
import {
  COMMANDS,
  COMMAND_SYNTAX,
  commandWordOf,
  type ArgName,
  type ArgSlot,
  type Audience,
  type CommandName,
  type CommandSyntax,
} from './commands.js';

/** The parsed arguments a command handler reads. */
export interface Argv {
  /** The person the command is about: the first mention, when the syntax takes one. */
  person?: string;
  /** Words by name (`job`, `from`…), as typed; a word from a list is given in lower case. */
  words: Partial<Record<ArgName, string>>;
  /** The free text (a reason), or ''. */
  text: string;
}

export type ArgProblem =
  | { kind: 'unknownSub'; word: string }
  | { kind: 'needPerson' }
  | { kind: 'tooManyPeople' }
  | { kind: 'extra'; word: string };

export const syntaxOf = (command: CommandName, sub: string): CommandSyntax | undefined =>
  (COMMAND_SYNTAX[command] as Record<string, CommandSyntax>)[sub];

/** Whether a token is one of the mentioned people (adapters write a mention as the person's id). */
const isMention = (token: string, mentions: readonly string[]) =>
  mentions.some((m) => token === m || token === `@${m}` || token === `<@${m}>`);

/**
 * Fits `args` (the text after the subcommand) to the syntax. Mentions fill the person slot wherever
 * they stand; the other words fill the other slots in order, a free text slot taking the rest but
 * for the words with a pattern that follow it, read from the end.
 */
export function parseArgs(
  slots: readonly ArgSlot[],
  args: string,
  mentions: readonly string[],
): { ok: true; argv: Argv } | { ok: false; problem: ArgProblem } {
  const takesPerson = slots.some((s) => s.kind === 'person');
  const freeText = slots.some((s) => s.kind === 'text');
  const tokens = args.trim().split(/\s+/).filter(Boolean);
  const people = tokens.filter((w) => isMention(w, mentions));
  const argv: Argv = { words: {}, text: '' };
  let rest = tokens;
  if (takesPerson) {
    // The first mention is the person, wherever it stands (an adapter may resolve a mention it does
    // not write into the text); any other stays in a free text, where a reason may name someone.
    const first = people[0];
    argv.person = first !== undefined ? mentions.find((m) => isMention(first, [m])) : mentions[0];
    if (first !== undefined) rest = tokens.filter((w) => w !== first);
    if (!freeText && people.length > 1) return { ok: false, problem: { kind: 'tooManyPeople' } };
    if (argv.person === undefined && slots.some((s) => s.kind === 'person' && !s.optional))
      return { ok: false, problem: { kind: 'needPerson' } };
  }
  for (const slot of slots) {
    if (slot.kind === 'person') continue;
    if (slot.kind === 'text') {
      // Words with a pattern after the free text are read from the end of the line, last slot first.
      for (const after of slots.slice(slots.indexOf(slot) + 1).reverse()) {
        if (after.kind !== 'word' || !after.pattern) break;
        const last = rest.at(-1);
        if (last !== undefined && after.pattern.test(last)) {
          argv.words[after.name] = last;
          rest = rest.slice(0, -1);
        }
      }
      argv.text = rest.join(' ');
      rest = [];
      break;
    }
    const next = rest[0];
    if (next === undefined) continue;
    if (slot.words) {
      const lower = commandWordOf(next);
      if (!slot.words.includes(lower)) continue;
      argv.words[slot.name] = lower;
    } else if (slot.pattern && !slot.pattern.test(next)) {
      if (slot.optional) continue;
      return { ok: false, problem: { kind: 'extra', word: next } };
    } else {
      argv.words[slot.name] = next;
    }
    rest = rest.slice(1);
  }
  const extra = rest[0];
  if (extra !== undefined) return { ok: false, problem: { kind: 'extra', word: extra } };
  return { ok: true, argv };
}

/** Fits `args` to a syntax and, failing that, to its other shape; the first shape's problem is told. */
export function parseCommandArgs(
  syntax: CommandSyntax,
  args: string,
  mentions: readonly string[],
): ReturnType<typeof parseArgs> {
  const first = parseArgs(syntax.args, args, mentions);
  if (first.ok || !syntax.or) return first;
  const other = parseArgs(syntax.or, args, mentions);
  return other.ok ? other : first;
}

/** `/training @person`, `/review status [all]`: the usage lines of one subcommand in the reader's words. */
export function usageLines(t: T, command: CommandName, sub: string): string[] {
  const slot = (s: ArgSlot): string => {
    const label = s.kind === 'person' ? `@${t('cmd.arg.person')}` : t(`cmd.arg.${s.name}`);
    if (s.kind === 'text' || s.optional) return `[${label}]`;
    return s.kind === 'person' ? label : `<${label}>`;
  };
  const syntax = syntaxOf(command, sub);
  const line = (slots: readonly ArgSlot[]) => [`/${command}`, ...(sub ? [sub] : []), ...slots.map(slot)].join(' ');
  return [line(syntax?.args ?? []), ...(syntax?.or ? [line(syntax.or)] : [])];
}

/** The first usage line of a subcommand. */
export const usageOf = (t: T, command: CommandName, sub: string): string => usageLines(t, command, sub)[0]!;

/** Whether someone with these powers is who a command is for. */
export const isFor = (audience: Audience, reader: { hr: boolean; manager: boolean }): boolean =>
  audience === 'everyone' || reader.hr || (audience === 'manager' && reader.manager);

/** The usage lines of a command's subcommands the reader may use. */
export function usagesFor(t: T, command: CommandName, reader: { hr: boolean; manager: boolean }): string[] {
  return (
    Object.keys(COMMANDS[command])
      .filter((sub) => isFor(syntaxOf(command, sub)!.audience, reader))
      // The bare command with nothing after it is the one the reader just typed.
      .filter((sub) => sub || syntaxOf(command, sub)!.args.length)
      .map((sub) => usageOf(t, command, sub))
  );
}

/** The longest echo of a typed word in a refusal: enough to recognise it, not a wall of text. */
const ECHO = 40;
const echo = (word: string) => literal(word.length > ECHO ? `${word.slice(0, ECHO)}…` : word);
const code = (s: string) => `\`${s}\``;
/** A command as typed, in bold: the typed word is user text, escaped, so it cannot sit in a code span. */
const typed = (command: CommandName, word: string) => `**/${command} ${echo(word)}**`;

/** The refusal for a command that does not fit its syntax, with the usage that would. */
export function argProblemText(
  t: T,
  command: CommandName,
  sub: string,
  problem: ArgProblem,
  reader: { hr: boolean; manager: boolean },
): string {
  const usage = code(usageOf(t, command, sub));
  switch (problem.kind) {
    case 'unknownSub': {
      const lines = usagesFor(t, command, reader).map(code);
      return [
        t('cmd.err.unknown', { command: typed(command, problem.word) }),
        ...(lines.length ? [t('cmd.err.didYouMean', { command: code(`/${command}`) }), ...lines] : []),
        t('cmd.err.seeHelp'),
      ].join('\n');
    }
    case 'needPerson':
      return t('cmd.err.needPerson', { usage });
    case 'tooManyPeople':
      return t('cmd.err.tooManyPeople', { usage });
    case 'extra':
      return t('cmd.err.extra', { usage, word: echo(problem.word) });
  }
}
