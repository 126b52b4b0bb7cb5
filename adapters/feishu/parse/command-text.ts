/**
 * A text message to the bot → a command. Feishu custom apps have no slash commands, so the same
 * words are typed in a DM, or after @mentioning the bot in a group: `/offboard @张伟 reason`,
 * `review status`. Shape seen in im.message.receive_v1:
 *   message: { chat_type: 'p2p' | 'group', message_type: 'text', content: '{"text":"@_user_1 /review"}',
 *              mentions: [{ key: '@_user_1', id: { open_id }, name }] }
 */
import { typedCommand, type CommandName } from '../../../src/app/commands.js';

export interface MentionRef {
  key: string;
  openId: string;
  name: string;
}

export interface ParsedCommandText {
  command: CommandName;
  /** The text after the command; mentions are still their Feishu keys (`@_user_2`). */
  args: string;
  /** Mentions in args, in order of appearance. */
  mentions: MentionRef[];
}

/** Returns null when the text is not a command (the bot then answers with a hint). */
export function parseCommandText(text: string, mentions: MentionRef[]): ParsedCommandText | null {
  let rest = text.trim();
  // In a group the message starts with the bot's own mention(s); drop them.
  for (;;) {
    const lead = mentions.find((m) => rest.startsWith(m.key));
    if (!lead) break;
    rest = rest.slice(lead.key.length).trim();
  }
  // `/review`, `review`, or `／review` as a Chinese IME types it.
  const typed = typedCommand(rest, { slashOptional: true });
  if (!typed) return null;
  const { command: word, args } = typed;
  const used = mentions
    .map((m) => ({ m, at: args.indexOf(m.key) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.m);
  return { command: word, args, mentions: used };
}

/** Replaces each mention key in args with the person id it resolved to. */
export function substituteMentions(args: string, resolved: { key: string; personId: string }[]): string {
  let out = args;
  // Longest keys first so `@_user_10` is not clobbered by `@_user_1`.
  for (const r of [...resolved].sort((a, b) => b.key.length - a.key.length)) out = out.split(r.key).join(r.personId);
  return out;
}

/** Extracts the text of a text message's content JSON; null for other message types. */
export function textOfMessage(messageType: string | undefined, content: string | undefined): string | null {
  if (messageType !== 'text' || !content) return null;
  try {
    const parsed = JSON.parse(content) as { text?: unknown };
    return typeof parsed.text === 'string' ? parsed.text : null;
  } catch {
    return null;
  }
}
