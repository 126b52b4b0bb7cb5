/**
 * The neutral text markup (**bold**, [label](url), `<@person:ID>`) → Feishu card markdown.
 * Bold and links are the same syntax in Feishu markdown; only mentions need translating.
 */

/** How a person id appears in a card: their Feishu open_id if known, else their name. */
export type MentionLookup = (personId: string) => { openId?: string | null; name?: string } | null;

const MENTION = /<@person:([^>\s]+)>/g;

export function toLarkMarkdown(text: string, mentions: MentionLookup): string {
  return text.replace(MENTION, (_m, id: string) => {
    const who = mentions(id);
    if (who?.openId) return `<at id=${who.openId}></at>`;
    return who?.name ?? id;
  });
}

/** Plain text for places that take no markdown (headers, button labels, toasts). */
export function toPlainText(text: string, mentions: MentionLookup): string {
  return text
    .replace(MENTION, (_m, id: string) => `@${mentions(id)?.name ?? id}`)
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)');
}

export const plain = (content: string) => ({ tag: 'plain_text' as const, content });
