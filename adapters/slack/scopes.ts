/**
 * The history scopes crash recovery needs. A post interrupted by a crash or a timeout may already
 * be in Slack; before sending it again, the sender reads the conversation (conversations.history,
 * or conversations.replies in a thread) for the message carrying its outbox key. That read needs
 * im:history (DMs), channels:history (public channels) and groups:history (private channels, the
 * HR channel) — see manifest.yml. Slack's conversations.replies page also says bot tokens "lack
 * sufficient permissions" on channel threads, while listing the bot scopes above as accepted; if
 * Slack refuses, the sender falls back to sending again (it may arrive twice, never zero times).
 */
import type { ConversationKind } from './deliver.js';

export const HISTORY_SCOPES = ['im:history', 'channels:history', 'groups:history'] as const;

/** Logs once at start which history scopes the token lacks (Slack lists a token's scopes on every answer). */
export function checkHistoryScopes(scopes: string[] | undefined, log: (line: string) => void): void {
  if (!scopes) return; // an answer without x-oauth-scopes: nothing to judge by; the first refusal is logged
  const missing = HISTORY_SCOPES.filter((s) => !scopes.includes(s));
  if (missing.length)
    log(
      `the bot token lacks ${missing.join(', ')}: after a crash or a timed-out call, a message that may already be in those conversations cannot be looked up and is sent again (it may arrive twice). Add the scopes in OAuth & Permissions (see manifest.yml) and reinstall the app.`,
    );
}

/** Logged the first time Slack refuses a lookup in a kind of conversation. */
export const lookupRefusedLogger = (log: (line: string) => void) => (kind: ConversationKind, error: string) =>
  log(
    `Slack refused to let the bot read the history of a ${kind} (${error}); messages whose delivery is uncertain there are sent again and may arrive twice. Check the *:history scopes in manifest.yml.`,
  );
