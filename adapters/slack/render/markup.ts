/**
 * The neutral markup (src/ui/markup.ts) to Slack mrkdwn, and to the plain text of plain_text fields.
 *
 * Literal text is escaped the way Slack documents (https://api.slack.com/reference/surfaces/formatting#escaping):
 * `&`, `<` and `>` become entities, so `<!channel>` or `<https://…>` typed by a user stay text.
 * Slack has no escape for its formatting characters (`*bold*`, `_italic_`, `~strike~`, `` `code` ``)
 * or emoji codes (`:smile:`). Zero-width characters do not help: Slack reads a zero-width space
 * as a word boundary, so putting one next to a `*` makes formatting *more* likely (jsx-slack's
 * "exact mode" relies on that). Instead, a formatting character that stands where it could open or
 * close formatting is written as the fallback text of a date token with an invalid format,
 * `<!date^00000000^{_}|*>`: Slack shows the fallback verbatim and never formats it (the technique of
 * jsx-slack's `<Escape>`, https://github.com/yhatt/jsx-slack/blob/main/docs/about-escape-and-exact-mode.md).
 * A character between two letters or digits (`snake_case`, `a*b`) cannot format in Slack and is
 * left alone, which keeps ordinary text short. Link labels cannot hold a date token, so there the
 * formatting characters become look-alikes (∗ ˍ ∼ ˋ).
 *
 * Escaping makes text longer (a `*` can become 22 characters), so sizes are measured on the
 * serialized mrkdwn, and long text is split with `serializeInPieces` (never cut).
 */
import {
  renderMarkup,
  serializeInPieces,
  visibleText,
  type MarkupSerializer,
  type TextPosition,
  type Token,
} from '../../../src/ui/markup.js';

/** A Dandang person as Slack shows them: by Slack user id when they have one, else by name. */
export type ResolveMention = (personId: string) => { slackId?: string | null; name?: string } | null;

export const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Shown verbatim by every Slack client: the fallback of a date token it cannot format. */
const verbatim = (c: string) => `<!date^00000000^{_}|${c}>`;
const FORMATTING = new Set(['*', '_', '~', '`']);
const WORD = /[\p{L}\p{N}]/u;
const LOOK_ALIKE: Record<string, string> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };
/** An emoji code as Slack and Feishu read it: `:smile:`, `:white_check_mark:`, `:+1:`. */
const EMOJI_CODE = /:[\p{L}\p{N}_+'-]+:/uy;
const emojiCodeAt = (text: string, i: number) => {
  EMOJI_CODE.lastIndex = i;
  return EMOJI_CODE.test(text);
};
const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

/** The only characters escapeText changes; text without any of them is already mrkdwn. */
const NEEDS_ESCAPE = /[*_~`:&<>]/g;

function escapeText(text: string, at: TextPosition): string {
  // Copies the runs between characters that need a look, rather than escaping char by char:
  // most text (names, dates, catalog sentences) has few or none of them.
  let out = '';
  let from = 0;
  NEEDS_ESCAPE.lastIndex = 0;
  for (let m = NEEDS_ESCAPE.exec(text); m; m = NEEDS_ESCAPE.exec(text)) {
    const i = m.index;
    const c = m[0];
    out += text.slice(from, i);
    from = i + 1;
    if (FORMATTING.has(c)) {
      // Between two word characters Slack never formats; anywhere else it might.
      const inWord = WORD.test(text[i - 1] ?? '') && WORD.test(text[i + 1] ?? '');
      out += inWord && c !== '`' ? c : verbatim(c);
    } else if (c === ':') {
      out += emojiCodeAt(text, i) ? verbatim(':') : ':'; // `:emoji:` would show an emoji
    } else if (c === '>' && at.lineStart && i === 0) {
      out += '\u00ad&gt;'; // `&gt;` at a line start still quotes; a soft hyphen before it does not
    } else {
      out += escapeSlack(c);
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

export function slackSerializer(resolveMention: ResolveMention): MarkupSerializer {
  return {
    text: escapeText,
    code: (text) => `\`${escapeSlack(text)}\``,
    link: (label, url) =>
      `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeSlack(label)
        .replace(/\|/g, '¦')
        .replace(/[*_~`]/g, (c) => LOOK_ALIKE[c]!)}>`,
    mention: (personId) => {
      const who = resolveMention(personId);
      if (who?.slackId && SLACK_USER_ID.test(who.slackId)) return `<@${who.slackId}>`;
      return escapeText(who?.name ?? personId, { lineStart: false });
    },
    // Slack formats `*bold*` only at word boundaries, and a letter (a CJK character included) next
    // to a delimiter is no boundary: `*结果:*已于` would show its asterisks. A zero-width space on
    // each side is a boundary Slack honours, and shows nothing.
    bold: (inner) => `\u200b*${inner}*\u200b`,
    lineBreak: '\n',
  };
}

export const toMrkdwn = (markup: string, resolveMention: ResolveMention): string =>
  renderMarkup(markup, slackSerializer(resolveMention));

/** Markup as mrkdwn pieces of at most `max` characters each (for one text object each). */
export const mrkdwnPieces = (
  markup: string | readonly Token[],
  resolveMention: ResolveMention,
  max: number,
): string[] => serializeInPieces(markup, slackSerializer(resolveMention), { cost: (s) => s.length, max });

/** Plain text for places Slack does not format (headers, button labels, modal titles, options). */
export const toPlain = (markup: string, resolveMention: ResolveMention): string =>
  visibleText(markup, (id) => resolveMention(id)?.name ?? id);

/**
 * Plain text shortened to `max` characters with an ellipsis, never inside a surrogate pair. Only
 * for fields whose full text is also shown (a modal title, a button next to its full label) or
 * that cannot hold more (an option of a select).
 */
export function ellipsize(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  if (end > 0 && /[\uD800-\uDBFF]/.test(s[end - 1]!)) end--;
  return `${s.slice(0, end)}…`;
}
