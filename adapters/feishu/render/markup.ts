/**
 * The neutral markup (src/ui/markup.ts) to Feishu card markdown (JSON 2.0 `markdown` component),
 * and to the plain text of `plain_text` fields.
 *
 * Card markdown is CommonMark plus HTML-like tags (`<at id=all></at>`, `<font>`, `<a>`, `<link>`,
 * `<text_tag>`, `<person>`…), so literal text must be escaped or a reason typed as
 * `<at id=all></at>` would @-mention a whole group. Feishu documents the escape as HTML character
 * references, `&#<number>;` ("特殊字符转义说明" in
 * https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/rich-text).
 * We escape, always: `& < > * _ ~ [ ] \ | $` and the backtick; at a line start, what starts a
 * block there (`#` headings, `-`/`+`/`=` lists and rules, `1.` ordered lists, leading spaces);
 * and the colon that opens an emoji code (`:OK:`). `(` and `)` are left alone: they only form a
 * link right after a `]`, and every literal `]` is escaped.
 */
import { renderMarkup, visibleText, type MarkupSerializer, type TextPosition } from '../../../src/ui/markup.js';

/** How a person id appears in a card: their Feishu open_id if known, else their name. */
export type MentionLookup = (personId: string) => { openId?: string | null; name?: string } | null;

const ref = (c: string) => `&#${c.codePointAt(0)};`;
const ALWAYS = /[&<>*_~[\]\\|$`]/;
const EMOJI_CODE = /:[\p{L}\p{N}_+'-]+:/uy;
const OPEN_ID = /^[A-Za-z0-9_-]+$/;

function escapeText(text: string, at: TextPosition): string {
  let out = '';
  let i = 0;
  if (at.lineStart) {
    // Block syntax only counts at the start of a line: indentation, headings, lists, rules.
    for (; text[i] === ' '; i++) out += ref(' ');
    const list = /^(\d{1,9})([.)])/.exec(text.slice(i));
    if (list) {
      out += list[1] + ref(list[2]!);
      i += list[0].length;
    } else if (/^[#\-+=]/.test(text.slice(i))) {
      out += ref(text[i]!);
      i++;
    }
  }
  for (; i < text.length; i++) {
    const c = text[i]!;
    EMOJI_CODE.lastIndex = i;
    out += ALWAYS.test(c) || (c === ':' && EMOJI_CODE.test(text)) ? ref(c) : c;
  }
  return out;
}

export function feishuSerializer(mentions: MentionLookup): MarkupSerializer {
  const text = (s: string) => escapeText(s, { lineStart: false });
  return {
    text: escapeText,
    // Inside a code span CommonMark shows character references literally, so content that needs
    // escaping is written as escaped text instead (it loses the code style, never its safety).
    code: (s) => (/[<>&`]/.test(s) ? text(s) : `\`${s}\``),
    link: (label, url) => `[${text(label)}](${url})`,
    mention: (personId) => {
      const who = mentions(personId);
      if (who?.openId && OPEN_ID.test(who.openId)) return `<at id=${who.openId}></at>`;
      return text(who?.name ?? personId);
    },
    bold: (inner) => `**${inner}**`,
    lineBreak: '\n',
  };
}

export const toLarkMarkdown = (markup: string, mentions: MentionLookup): string =>
  renderMarkup(markup, feishuSerializer(mentions));

/** Plain text for places that take no markdown (headers, button labels, options, toasts). */
export const toPlainText = (markup: string, mentions: MentionLookup): string =>
  visibleText(markup, (id) => mentions(id)?.name ?? id);

export const plain = (content: string) => ({ tag: 'plain_text' as const, content });

/**
 * The text of a `text` message. Feishu reads `<at user_id="all"></at>` in a text message too and
 * documents no escape for it, so a zero-width space after each `<` keeps any tag from forming
 * while the reader sees the same characters.
 */
export const toTextMessage = (markup: string, mentions: MentionLookup): string =>
  toPlainText(markup, mentions).replace(/</g, '<\u200b');
