/**
 * The one list of commands. Slack registers these slash commands, Feishu and the local workspace
 * accept these words, and the router's registrations must match this table exactly
 * (test/app/commands.test.ts checks it, and that `manifest.yml` and `/dandang help` agree).
 *
 * Each entry maps a subcommand (the first word of the arguments; `''` when no subcommand matches)
 * to the feature module that handles it, `src/app/<feature>.ts`.
 */
import type { ReasonKind } from '../domain/policy/index.js';
import { NOTE_KIND_WORDS } from '../ui/screens/evidence/note-terms.js';

export type FeatureName = 'help' | 'review' | 'evidence' | 'offboarding' | 'security' | 'report' | 'files';

export const COMMANDS = {
  review: {
    '': 'review', // `/review` (next pending form) and `/review @person`
    status: 'review',
    start: 'review',
    mine: 'evidence', // what is recorded about you: reviews, notes, training
  },
  note: { '': 'evidence' },
  training: { '': 'evidence' },
  offboard: { '': 'offboarding', status: 'offboarding', case: 'offboarding', dossier: 'offboarding' },
  dandang: {
    '': 'help',
    help: 'help',
    home: 'help', // the Home: reviews due, disputes to answer, team status, one's record, HR's cases
    adjust: 'evidence',
    handbook: 'evidence',
    incident: 'evidence',
    report: 'report', // the dashboard's charts, `report export` (《绩效报表》) and `report cases`
    protect: 'offboarding',
    audit: 'security', // who opened someone's records (HR)
  },
} as const satisfies Record<string, Record<string, FeatureName>>;

export type CommandName = keyof typeof COMMANDS;

/** A word that names an argument in a usage line (`/training @person`), from the `cmd.arg.*` catalog keys. */
export type ArgName =
  | 'all'
  | 'export'
  | 'department'
  | 'noteKind'
  | 'reasonKind'
  | 'reason'
  | 'case'
  | 'job'
  | 'statusKind'
  | 'from'
  | 'to'
  | 'reportForm'
  | 'period';

/** One argument of a command, after its subcommand word. */
export type ArgSlot =
  /** A person, mentioned (`@name`): the adapter has put the person's id in the text. */
  | { kind: 'person'; optional?: true }
  /**
   * One word. `words` lists the ones accepted (matched case-insensitively), or `pattern` says what
   * it looks like; without either the use case judges the word (a job id, a date) and says what is
   * wrong with it. After a free text only words with a `pattern` may follow: they are read from the
   * end of the line (`Customer Care 2026-W49`).
   */
  | { kind: 'word'; name: ArgName; optional?: true; words?: readonly string[]; pattern?: RegExp }
  /** Free text to the end of the line (a reason, a department name); it may be empty. */
  | { kind: 'text'; name: ArgName };

/** Who a command is for: `/dandang help` and the usage of an unknown command list only the reader's. */
export type Audience = 'everyone' | 'manager' | 'hr';

export interface CommandSyntax {
  args: readonly ArgSlot[];
  /** Another shape the same words may take (`/offboard 12` beside `/offboard @person reason`). */
  or?: readonly ArgSlot[];
  audience: Audience;
}

const person = { kind: 'person' } as const;
const optionalPerson = { kind: 'person', optional: true } as const;
const word = (name: ArgName, words?: readonly string[]): ArgSlot => ({ kind: 'word', name, optional: true, words });
const caseNumber: ArgSlot = { kind: 'word', name: 'case', pattern: /^#?\d+$/ };

/** The word after `/offboard @person` that names the path, in either language (the default is performance). */
export const REASON_WORDS: Record<string, ReasonKind> = {
  performance: 'performance',
  mutual: 'mutual',
  misconduct: 'misconduct',
  绩效: 'performance',
  协商: 'mutual',
  协商一致: 'mutual',
  劝退: 'mutual',
  协商一致解除: 'mutual',
  // The statutory terms (issue 10): 严重违纪 is Art. 39's ground, 不能胜任 Art. 40(2)'s.
  不能胜任: 'performance',
  严重违纪: 'misconduct',
  违纪: 'misconduct',
};

/**
 * The forms of `/dandang report`: the charts (into the HR channel with `channel`), the 《绩效报表》
 * export, or the case figures; with none of these words, the charts in the asker's DM.
 */
export type ReportForm = 'channel' | 'export' | 'cases';
export const REPORT_FORM_WORDS: Record<string, ReportForm> = {
  channel: 'channel',
  export: 'export',
  cases: 'cases',
  频道: 'channel',
  导出: 'export',
  案件: 'cases',
};
/** What reads as a report period (last-8w, 2026-W49, 2026-11, 2026-Q4, 2026-W40..2026-W49); the use case says which exist. */
export const REPORT_PERIOD = /^(last-\d{1,3}w|\d{4}-W\d{2}(\.\.\d{4}-W\d{2})?|\d{4}-\d{2}|\d{4}-Q[1-4])$/i;

/** Words after `/review mine` that ask for the record as a file. */
export const EXPORT_WORDS = ['export', '导出'] as const;

/**
 * What each command and subcommand takes. The router checks every command against this before its
 * handler runs, so a word nobody reads is refused with the usage instead of being ignored
 * (src/app/command-args.ts), and the handler gets the words by name.
 */
export const COMMAND_SYNTAX: { [N in CommandName]: Record<keyof (typeof COMMANDS)[N], CommandSyntax> } = {
  review: {
    '': { args: [optionalPerson], audience: 'manager' },
    status: { args: [word('all', ['all', '全部'])], audience: 'manager' },
    start: { args: [{ kind: 'text', name: 'department' }], audience: 'hr' },
    mine: { args: [optionalPerson, word('export', EXPORT_WORDS)], audience: 'everyone' },
  },
  note: { '': { args: [person, word('noteKind', Object.keys(NOTE_KIND_WORDS))], audience: 'manager' } },
  training: { '': { args: [person], audience: 'manager' } },
  offboard: {
    '': {
      args: [person, word('reasonKind', Object.keys(REASON_WORDS)), { kind: 'text', name: 'reason' }],
      or: [caseNumber],
      audience: 'manager',
    },
    status: { args: [], audience: 'manager' },
    case: { args: [caseNumber], audience: 'manager' },
    dossier: { args: [caseNumber], audience: 'hr' },
  },
  dandang: {
    '': { args: [], audience: 'everyone' },
    help: { args: [], audience: 'everyone' },
    home: { args: [], audience: 'everyone' },
    adjust: { args: [person, word('job')], audience: 'manager' },
    handbook: { args: [optionalPerson], audience: 'hr' },
    incident: { args: [person], audience: 'manager' },
    report: {
      args: [
        word('reportForm', Object.keys(REPORT_FORM_WORDS)),
        { kind: 'text', name: 'department' },
        { kind: 'word', name: 'period', optional: true, pattern: REPORT_PERIOD },
      ],
      audience: 'hr',
    },
    protect: { args: [person, word('statusKind'), word('from'), word('to')], audience: 'hr' },
    audit: { args: [person], audience: 'hr' },
  },
};

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export const isCommandName = (word: string): word is CommandName => Object.hasOwn(COMMANDS, word);

/**
 * A word as the command parser compares it: NFKC (a Chinese IME types `／` and may type `ｒｅｖｉｅｗ`)
 * and lower case. Only words the parser matches are normalised; a reason keeps what was typed.
 */
export const commandWordOf = (word: string): string => word.normalize('NFKC').toLowerCase();

/**
 * A command typed as text, as the local workspace and Feishu read it: `/review status`,
 * `／review status` (the full-width slash of a Chinese IME), and without the slash where the
 * platform allows it (`review status` to the Feishu bot). Null when the text is not a command.
 */
export function typedCommand(
  text: string,
  opts: { slashOptional: boolean },
): { command: CommandName; args: string } | null {
  const m = /^\s*([/／]?)(\S+)(?:\s+([\s\S]*))?$/u.exec(text);
  if (!m || (!m[1] && !opts.slashOptional)) return null;
  const word = commandWordOf(m[2]!).replace(/^\//, '');
  return isCommandName(word) ? { command: word, args: (m[3] ?? '').trim() } : null;
}

/** `[command, subcommand]` pairs a feature owns, e.g. `[['review', 'mine'], ['note', '']]` for evidence. */
export function commandsOwnedBy(feature: FeatureName): [CommandName, string][] {
  return COMMAND_NAMES.flatMap((name) =>
    Object.entries(COMMANDS[name])
      .filter(([, owner]) => owner === feature)
      .map(([sub]) => [name, sub] as [CommandName, string]),
  );
}
