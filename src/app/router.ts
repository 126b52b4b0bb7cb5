import type { Inbound, FeatureHandlers, CommandHandler, ActionHandler, FormHandler, CommandName } from './types.js';
import type { Reply } from '../ui/model.js';
import { t } from '../ui/i18n/index.js';

export interface Router {
  dispatch(ev: Inbound): Promise<Reply>;
  /** Command names with at least one handler (adapters register only these). */
  commandNames(): CommandName[];
}

/** Merges the feature modules' handlers; a duplicate registration is a bug and throws at start. */
export function makeRouter(features: FeatureHandlers[]): Router {
  const commands = new Map<string, Map<string, CommandHandler>>();
  const actions = new Map<string, ActionHandler>();
  const forms = new Map<string, FormHandler>();
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
  }

  const unknown = (ev: Inbound): Reply => ({
    kind: 'error',
    code: 'NOT_FOUND',
    text: t(ev.actor.locale, 'common.unknownCommand'),
  });

  return {
    commandNames: () => [...commands.keys()] as CommandName[],
    async dispatch(ev) {
      switch (ev.kind) {
        case 'command': {
          const subs = commands.get(ev.command);
          if (!subs) return unknown(ev);
          const [first = '', ...rest] = ev.args.trim().split(/\s+/);
          const sub = subs.get(first.toLowerCase());
          if (sub) return sub({ ...ev, args: rest.join(' ') });
          const fallback = subs.get('');
          return fallback ? fallback(ev) : unknown(ev);
        }
        case 'action': {
          const h = actions.get(ev.actionId);
          return h ? h(ev) : unknown(ev);
        }
        case 'submit': {
          const h = forms.get(ev.formId);
          return h ? h(ev) : unknown(ev);
        }
      }
    },
  };
}
