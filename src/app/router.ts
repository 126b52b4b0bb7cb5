import type {
  Inbound,
  FeatureHandlers,
  CommandHandler,
  ActionHandler,
  FormHandler,
  CommandName,
  SuggestEvent,
  SuggestHandler,
} from './types.js';
import type { Option, Reply } from '../ui/model.js';
import { t, translator } from '../ui/i18n/index.js';
import { textProblemMessage } from '../usecases/shared/text-errors.js';
import { retryWhileBusy, StoreBusyError, type Store } from '../ports/store.js';
import { textProblem } from '../domain/text.js';
import { isHr } from '../domain/people.js';
import { commandWordOf } from './commands.js';
import { argProblemText, parseCommandArgs, syntaxOf, type ArgProblem } from './command-args.js';
import { ACTIONS } from '../ui/actions.js';
import { entryCommand } from '../ui/screens/home/entries.js';

export interface Router {
  dispatch(ev: Inbound): Promise<Reply>;
  /** The options of a form's search field for what was typed (none for an unknown form or input). */
  suggest(ev: SuggestEvent): Promise<Option[]>;
  /** Command names with at least one handler (adapters register only these). */
  commandNames(): CommandName[];
}

/**
 * How long an interaction waits for another process's write lock (a CLI import between batches)
 * before it is answered "busy, nothing saved": inside Slack's and Feishu's 3-second deadlines.
 */
export const BUSY_DEADLINE_MS = 2000;

export interface RouterDeps {
  /**
   * The store form submissions are deduplicated in. Without it (unit tests of routing alone) a
   * repeated submission is handled again.
   */
  store?: Store;
}

/** Merges the feature modules' handlers; a duplicate registration is a bug and throws at start. */
export function makeRouter(features: FeatureHandlers[], deps: RouterDeps = {}): Router {
  const commands = new Map<string, Map<string, CommandHandler>>();
  const actions = new Map<string, ActionHandler>();
  const forms = new Map<string, FormHandler>();
  const suggestions = new Map<string, SuggestHandler>();
  const suggestKey = (formId: string, inputId: string) => `${formId}\u0000${inputId}`;
  for (const f of features) {
    for (const [name, subs] of Object.entries(f.commands ?? {})) {
      const m = commands.get(name) ?? new Map<string, CommandHandler>();
      for (const [sub, h] of Object.entries(subs ?? {})) {
        if (m.has(sub)) throw new Error(`duplicate handler for /${name} ${sub}`);
        m.set(sub, h);
      }
      commands.set(name, m);
    }
    for (const [id, h] of Object.entries(f.actions ?? {})) {
      if (actions.has(id)) throw new Error(`duplicate handler for action ${id}`);
      if (h) actions.set(id, h);
    }
    for (const [id, h] of Object.entries(f.forms ?? {})) {
      if (forms.has(id)) throw new Error(`duplicate handler for form ${id}`);
      if (h) forms.set(id, h);
    }
    for (const [formId, inputs] of Object.entries(f.suggestions ?? {}))
      for (const [inputId, h] of Object.entries(inputs ?? {})) {
        if (suggestions.has(suggestKey(formId, inputId)))
          throw new Error(`duplicate suggestions for ${formId} ${inputId}`);
        suggestions.set(suggestKey(formId, inputId), h);
      }
  }

  /**
   * A floor under every form, whatever its use case checks: no value longer than the longest text
   * the product accepts, and no control characters. Each use case holds its fields to their own
   * (shorter) limits; this keeps a field someone forgot from storing a megabyte or a NUL byte.
   */
  const beyondAnyLimit = (ev: Extract<Inbound, { kind: 'submit' }>): Reply | null => {
    const errors: Record<string, string> = {};
    for (const [id, v] of Object.entries(ev.values)) {
      for (const text of Array.isArray(v) ? v : [v ?? '']) {
        const p = textProblem(text, 'long');
        if (!p) continue;
        errors[id] = textProblemMessage(translator(ev.actor.locale), p);
      }
    }
    return Object.keys(errors).length ? { kind: 'formErrors', errors } : null;
  };

  const unknown = (ev: Inbound): Reply => ({
    kind: 'error',
    code: 'NOT_FOUND',
    text: t(ev.actor.locale, 'common.unknownCommand'),
  });

  /** A command whose words do not fit its syntax: what is wrong, and the usage that would work. */
  const argProblem = (ev: Extract<Inbound, { kind: 'command' }>, sub: string, problem: ArgProblem): Reply => {
    const person = ev.actor.person;
    const manager = deps.store?.read((tx) => tx.org.reportsOf(person.id).length > 0) ?? true;
    return {
      kind: 'error',
      code: 'INVALID_INPUT',
      text: argProblemText(translator(ev.actor.locale), ev.command, sub, problem, { hr: isHr(person), manager }),
    };
  };

  /**
   * A submission with a key runs in ONE transaction with its record: the first answer is stored
   * with whatever the handler wrote, and a repeat gets that answer back without running the handler.
   * Only what recorded something is remembered (an answer or the next form); a refusal or field
   * errors are not, so the same values sent again after the situation changed are judged afresh.
   */
  const submitOnce = (h: FormHandler, ev: Extract<Inbound, { kind: 'submit' }>, store: Store, key: string): Reply =>
    store.tx((tx) => {
      const scoped = `${ev.actor.person.id}|${key}`;
      const first = tx.inbound.answerTo(scoped);
      if (first) return first;
      const reply = h(ev);
      if (reply instanceof Promise)
        throw new Error(`form ${ev.formId}: a handler of a deduplicated form must answer synchronously`);
      if (reply.kind === 'ok' || reply.kind === 'form') tx.inbound.remember(scoped, ev.actor.person.id, reply);
      return reply;
    });

  const route = (ev: Inbound): Promise<Reply> | Reply => {
    switch (ev.kind) {
      case 'command': {
        const subs = commands.get(ev.command);
        if (!subs) return unknown(ev);
        const [first = '', ...rest] = ev.args.trim().split(/\s+/);
        const word = commandWordOf(first);
        const named = first && subs.has(word) && !ev.mentions.includes(first) ? word : '';
        const handler = subs.get(named);
        const syntax = syntaxOf(ev.command, named);
        if (!handler || !syntax) return unknown(ev);
        const args = named ? rest.join(' ') : ev.args.trim();
        const parsed = parseCommandArgs(syntax, args, ev.mentions);
        if (!parsed.ok) {
          // A first word that fits nothing, where a subcommand would stand, names a subcommand nobody has.
          const unknownSub =
            !named && subs.size > 1 && parsed.problem.kind === 'extra' && parsed.problem.word === first;
          return argProblem(ev, named, unknownSub ? { kind: 'unknownSub', word: first } : parsed.problem);
        }
        return handler({ ...ev, args, argv: parsed.argv });
      }
      case 'action': {
        // A menu entry (a Home shortcut, the Feishu menu's keys) is its command, typed by the presser.
        if (ev.actionId === ACTIONS.menuEntry) {
          const entry = entryCommand(ev.value);
          return entry ? route({ kind: 'command', actor: ev.actor, mentions: [], ...entry }) : unknown(ev);
        }
        const h = actions.get(ev.actionId);
        return h ? h(ev) : unknown(ev);
      }
      case 'submit': {
        const h = forms.get(ev.formId);
        if (!h) return unknown(ev);
        const refused = beyondAnyLimit(ev);
        if (refused) return refused;
        return deps.store && ev.submissionKey ? submitOnce(h, ev, deps.store, ev.submissionKey) : h(ev);
      }
    }
  };

  return {
    commandNames: () => [...commands.keys()] as CommandName[],
    async suggest(ev) {
      const h = suggestions.get(suggestKey(ev.formId, ev.inputId));
      if (!h) return [];
      // A read from one snapshot: no write lock to wait for. Busy anyway (a migration): no options now.
      try {
        return h(ev);
      } catch (err) {
        if (err instanceof StoreBusyError) return [];
        throw err;
      }
    },
    async dispatch(ev) {
      // A handler writes in one transaction; if another process holds the lock, nothing was written
      // and the whole handler runs again after yielding, so other requests keep being served.
      try {
        return await retryWhileBusy(() => route(ev), BUSY_DEADLINE_MS);
      } catch (err) {
        if (err instanceof StoreBusyError)
          return { kind: 'error', code: 'BUSY', text: t(ev.actor.locale, 'common.busy') };
        throw err;
      }
    },
  };
}
