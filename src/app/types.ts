/**
 * The neutral inbound events every adapter produces, and the handler registry that routes them to
 * use cases. Slack, Feishu and the local workspace all call `Router.dispatch`, so a command, button
 * or form behaves the same everywhere.
 */
import type { Person, Platform, Locale } from '../ports/records.js';
import type { ActionId, FormId } from '../ui/actions.js';
import type { FormValues, Option, Reply } from '../ui/model.js';
import type { CommandName } from './commands.js';
import type { Argv } from './command-args.js';
import type { IncomingFile } from '../ports/files.js';

/** Who is acting, resolved by the adapter from the platform user id. Never trust more than this. */
export interface Actor {
  person: Person;
  platform: Platform;
  locale: Locale;
}

/** Command names and their owners live in ./commands.ts. */
export type { CommandName } from './commands.js';

export type Inbound =
  /** `/review status`: args is the text after the command with mentions replaced by person ids. */
  | { kind: 'command'; actor: Actor; command: CommandName; args: string; mentions: string[] }
  /** A button click. `value` is untrusted. */
  | { kind: 'action'; actor: Actor; actionId: ActionId; value: string }
  /**
   * A form submission. `state` and `values` are untrusted. `submissionKey` names this submission of
   * this form instance (see adapters/submission-key.ts): the router records the same key once and answers
   * a repeat with the first answer.
   */
  | {
      kind: 'submit';
      actor: Actor;
      formId: FormId;
      state: string;
      values: FormValues;
      submissionKey?: string;
      /**
       * Files sent with the form, by input id: fetched from the platform, checked (type by content,
       * size) and already in the FileStore. Only an adapter sets this; no typed value ever becomes a file.
       */
      files?: Record<string, IncomingFile[]>;
    };

/**
 * Someone typed into a form's search field (an input with `search`, src/ui/model.ts) and the
 * platform asks for options. `state` and `query` are untrusted, like a submission's.
 */
export interface SuggestEvent {
  actor: Actor;
  formId: FormId;
  state: string;
  inputId: string;
  query: string;
}

export type CommandEvent = Extract<Inbound, { kind: 'command' }>;
/**
 * A command's handler gets `args` without the subcommand word and `argv`, the arguments parsed
 * against the command's syntax by the router (./command-args.ts): read `argv`, not `args`.
 */
export type CommandHandler = (ev: CommandEvent & { argv: Argv }) => Promise<Reply> | Reply;
export type ActionHandler = (ev: Extract<Inbound, { kind: 'action' }>) => Promise<Reply> | Reply;
export type FormHandler = (ev: Extract<Inbound, { kind: 'submit' }>) => Promise<Reply> | Reply;
/** The options for what was typed; none when the person may not see any (the use case decides). */
export type SuggestHandler = (ev: SuggestEvent) => Option[];

/** What every feature module's handlers are built from: the use cases' own deps. */
export type { UseCaseDeps } from '../ports/deps.js';

/**
 * A feature's contribution to the router. `subcommands` maps the first word of a command's args
 * (`status` in `/review status`); `''` is the handler when no subcommand matches.
 */
export interface FeatureHandlers {
  commands?: Partial<Record<CommandName, Record<string, CommandHandler>>>;
  actions?: Partial<Record<ActionId, ActionHandler>>;
  forms?: Partial<Record<FormId, FormHandler>>;
  /** A form's search fields, by form id and input id. */
  suggestions?: Partial<Record<FormId, Record<string, SuggestHandler>>>;
}
