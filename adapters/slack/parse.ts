/**
 * Slack payload pieces → the neutral inbound event (src/app/types.ts). Defensive: anything we cannot
 * use comes back as null/undefined and the listener answers with an error instead of throwing.
 */
import type { Actor } from '../../src/app/types.js';
import { actorOf } from '../../src/app/actor.js';
import type { FormValues } from '../../src/ui/model.js';
import type { Store } from '../../src/ports/store.js';
import type { Locale, Person } from '../../src/ports/records.js';

/** Resolves the acting person from their Slack user id; null when they are not in Dandang. */
export function resolveActor(store: Store, slackUserId: string | undefined, orgLocale: Locale): Actor | null {
  if (!slackUserId) return null;
  const person = store.read((tx) => tx.org.personBySlackId(slackUserId));
  if (!person || !person.active) return null;
  return actorOf(person, 'slack', { locale: orgLocale });
}

/**
 * Slack escapes user mentions in command text as `<@U123|name>` (or `<@U123>`), given
 * `should_escape: true` in the manifest. Each becomes the person's Dandang id in `args`.
 * `unknown` lists Slack ids that match no person, so the caller can say so.
 */
export function parseCommandText(
  text: string,
  personBySlackId: (slackId: string) => Person | null,
): { args: string; mentions: string[]; unknown: string[] } {
  const mentions: string[] = [];
  const unknown: string[] = [];
  const args = text.replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (all, slackId: string) => {
    const p = personBySlackId(slackId);
    if (!p) {
      unknown.push(slackId);
      return all;
    }
    if (!mentions.includes(p.id)) mentions.push(p.id);
    return p.id;
  });
  return { args: args.trim(), mentions, unknown };
}

/** Buttons repeated in one message carry a `#n` suffix (render/message.ts); strip it. */
export const baseActionId = (actionId: string) => actionId.replace(/#\d+$/, '');

/** A Slack block element's submitted state, as seen in view_submission payloads. */
interface ElementState {
  type?: string;
  value?: string | null;
  selected_user?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
  selected_date_time?: number | null;
  /** file_input: the files the person chose, already uploaded to Slack. */
  files?: { id?: string; name?: string; size?: number }[];
}

/** A file chosen in a modal's file_input, as Slack reports it: fetched later by id with the bot token. */
export interface SlackFileRef {
  id: string;
  name: string;
  /** As Slack reports it; checked again against the bytes received. */
  size: number | null;
}

/**
 * `view.state.values` (block_id → action_id → state) to FormValues keyed by input id (= block_id).
 * A person search (`users_select`, see render/modal.ts) answers with a Slack user id; `personOf`
 * turns it into the person's Dandang id (an unknown one stays as it is, and the use case refuses it).
 */
export function parseViewValues(
  values: Record<string, Record<string, ElementState>> | undefined,
  personOf: (slackId: string) => string | null = () => null,
): FormValues {
  const out: FormValues = {};
  for (const [blockId, elements] of Object.entries(values ?? {})) {
    const el = elements[blockId] ?? Object.values(elements)[0];
    if (!el) continue;
    out[blockId] = elementValue(el, personOf);
  }
  return out;
}

/** The files of every file_input in `view.state.values`, by input id (= block_id); inputs without files are left out. */
export function parseViewFiles(
  values: Record<string, Record<string, ElementState>> | undefined,
): Record<string, SlackFileRef[]> {
  const out: Record<string, SlackFileRef[]> = {};
  for (const [blockId, elements] of Object.entries(values ?? {})) {
    const el = elements[blockId] ?? Object.values(elements)[0];
    if (el?.type !== 'file_input') continue;
    const files = (el.files ?? []).flatMap((f) =>
      typeof f?.id === 'string' && /^F[A-Z0-9]+$/.test(f.id)
        ? [
            {
              id: f.id,
              name: typeof f.name === 'string' ? f.name : f.id,
              size: typeof f.size === 'number' ? f.size : null,
            },
          ]
        : [],
    );
    if (files.length) out[blockId] = files;
  }
  return out;
}

function elementValue(el: ElementState, personOf: (slackId: string) => string | null): string | string[] | undefined {
  switch (el.type) {
    case 'users_select':
      return el.selected_user ? (personOf(el.selected_user) ?? el.selected_user) : undefined;
    case 'static_select':
      return el.selected_option?.value ?? undefined;
    case 'multi_static_select':
    case 'checkboxes':
      return (el.selected_options ?? []).map((o) => o.value);
    case 'datepicker':
      return el.selected_date ?? undefined;
    case 'datetimepicker':
      return typeof el.selected_date_time === 'number'
        ? new Date(el.selected_date_time * 1000).toISOString()
        : undefined;
    case 'file_input':
      // Files are never a typed value: parseViewFiles hands them to the listener, which fetches them.
      return undefined;
    default:
      // plain_text_input and number_input both send `value` (a string, null when empty).
      return el.value ?? undefined;
  }
}
