/**
 * The neutral markup (**bold**, [label](url), `<@person:ID>`) to Slack mrkdwn. Everything else is
 * user or catalog text, so `&`, `<` and `>` are escaped: Slack would otherwise read `<!channel>`
 * or `<https://…>` typed by a user as control sequences.
 */

/** Returns a Slack mention (`<@U123>`) or a plain name for a Dandang person id. */
export type ResolveMention = (personId: string) => string;

const TOKEN = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|<@person:([^>\s]+)>/g;

export const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function toMrkdwn(text: string, resolveMention: ResolveMention): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    out += escapeSlack(text.slice(last, m.index));
    const [, bold, label, url, personId] = m;
    if (bold !== undefined) out += `*${toMrkdwn(bold, resolveMention)}*`;
    else if (label !== undefined && url !== undefined)
      out += `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeSlack(label).replace(/\|/g, '¦')}>`;
    else if (personId !== undefined) out += resolveMention(personId);
    last = m.index + m[0].length;
  }
  return out + escapeSlack(text.slice(last));
}

/** Plain text for places Slack does not format (headers, button labels, modal titles). */
export function toPlain(text: string, resolveMention: ResolveMention, max = 3000): string {
  const plain = text.replace(TOKEN, (_all, bold?: string, label?: string, _url?: string, personId?: string) =>
    bold !== undefined
      ? bold
      : label !== undefined
        ? label
        : personId !== undefined
          ? stripMention(resolveMention(personId))
          : '',
  );
  return truncate(plain, max);
}

/** In plain_text a `<@U123>` is shown literally, so fall back to the name part when there is one. */
const stripMention = (m: string) =>
  m.replace(/^<@([^>|]+)(\|([^>]+))?>$/, (_a, id: string, _b, name?: string) => (name ? `@${name}` : `@${id}`));

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`;
}
