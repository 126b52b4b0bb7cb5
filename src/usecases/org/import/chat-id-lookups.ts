/**
 * Chat ids (Slack user id, Feishu open_id) for people imported without one, looked up by email
 * before anything is written: network calls must never hold the write lock.
 */
import type { PersonRow } from './people-rows.js';
import type { RosterEntry } from '../../../ports/repos/org.js';

/** One email → chat id; null when the platform has no account with that email. */
export type LookupIdByEmail = (email: string) => Promise<string | null>;

/**
 * Many emails → chat ids, in as few calls as the platform allows. `found` and `failed` are keyed by
 * lower-cased email; an email in neither has no account. A rejection fails every email asked.
 */
export type LookupIdsByEmail = (
  emails: string[],
) => Promise<{ found: Map<string, string>; failed: Map<string, string> }>;

/** For a platform with no batch lookup (Slack's users.lookupByEmail): one call per email, in order. */
export function oneEmailAtATime(lookup: LookupIdByEmail): LookupIdsByEmail {
  return async (emails) => {
    const found = new Map<string, string>();
    const failed = new Map<string, string>();
    for (const email of emails) {
      try {
        const id = await lookup(email);
        if (id) found.set(email.toLowerCase(), id);
      } catch (e) {
        failed.set(email.toLowerCase(), (e as Error).message);
      }
    }
    return { found, failed };
  };
}

export const CHAT_PLATFORMS = ['slack', 'feishu'] as const;
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];

export interface ChatIdsFound {
  /** Person id → the chat id found. */
  found: Record<ChatPlatform, Map<string, string>>;
  unresolved: { id: string; email: string; platform: ChatPlatform; reason: string }[];
  /** Whether any platform was asked (then time passed, and the file is checked again). */
  asked: boolean;
}

/** Looks up the chat ids the file and the database both lack, one batched request per platform. */
export async function lookUpChatIds(
  rows: readonly PersonRow[],
  known: ReadonlyMap<string, RosterEntry>,
  lookups: Partial<Record<ChatPlatform, LookupIdsByEmail>>,
): Promise<ChatIdsFound> {
  const has = {
    slack: (r: PersonRow) => r.person.slackId ?? known.get(r.person.id)?.slackId,
    feishu: (r: PersonRow) => r.person.feishuOpenId ?? known.get(r.person.id)?.feishuOpenId,
  };
  const out: ChatIdsFound = { found: { slack: new Map(), feishu: new Map() }, unresolved: [], asked: false };
  const notFound = { slack: new Map<string, string>(), feishu: new Map<string, string>() };
  for (const platform of CHAT_PLATFORMS) {
    const lookup = lookups[platform];
    const missing = rows.filter((r) => !has[platform](r));
    if (!lookup || !missing.length) continue;
    out.asked = true;
    const emails = missing.map((r) => r.person.email);
    const answer = await lookup(emails).catch((e: unknown) => ({
      found: new Map<string, string>(),
      failed: new Map(emails.map((email) => [email.toLowerCase(), (e as Error).message])),
    }));
    for (const { person } of missing) {
      const email = person.email.toLowerCase();
      const id = answer.found.get(email);
      if (id) out.found[platform].set(person.id, id);
      else notFound[platform].set(person.id, answer.failed.get(email) ?? 'no account with this email');
    }
  }
  // In file order, each person's platforms together.
  for (const { person } of rows)
    for (const platform of CHAT_PLATFORMS) {
      const reason = notFound[platform].get(person.id);
      if (reason) out.unresolved.push({ id: person.id, email: person.email, platform, reason });
    }
  return out;
}
