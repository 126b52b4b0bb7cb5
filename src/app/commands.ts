/**
 * The one list of commands. Slack registers these slash commands, Feishu and the local workspace
 * accept these words, and the router's registrations must match this table exactly
 * (test/app/commands.test.ts checks it, and that `manifest.yml` and `/dandang help` agree).
 *
 * Each entry maps a subcommand (the first word of the arguments; `''` when no subcommand matches)
 * to the feature module that handles it, `src/app/<feature>.ts`.
 */
export type FeatureName = 'help' | 'review' | 'evidence' | 'offboarding' | 'security';

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
    adjust: 'evidence',
    handbook: 'evidence',
    incident: 'evidence',
    report: 'offboarding',
    protect: 'offboarding',
    audit: 'security', // who opened someone's records (HR)
  },
} as const satisfies Record<string, Record<string, FeatureName>>;

export type CommandName = keyof typeof COMMANDS;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export const isCommandName = (word: string): word is CommandName => Object.hasOwn(COMMANDS, word);

/** `[command, subcommand]` pairs a feature owns, e.g. `[['review', 'mine'], ['note', '']]` for evidence. */
export function commandsOwnedBy(feature: FeatureName): [CommandName, string][] {
  return COMMAND_NAMES.flatMap((name) =>
    Object.entries(COMMANDS[name])
      .filter(([, owner]) => owner === feature)
      .map(([sub]) => [name, sub] as [CommandName, string]),
  );
}
