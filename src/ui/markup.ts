/**
 * The neutral text markup of the message model (see model.ts), parsed once into tokens. Each
 * platform renderer turns tokens into its own syntax with a `MarkupSerializer` (Slack mrkdwn,
 * Feishu card markdown, HTML), and every serializer escapes literal text for its platform: text
 * that is not markup is never passed through verbatim, so no renderer can forget to escape it.
 *
 * The markup:
 * - `**bold**` on one line; it may hold code, links and mentions, not another bold.
 * - `` `code` `` on one line; its content is literal.
 * - `[label](https://url)`: http and https only. Anything else (`javascript:`, `tel:`) stays text.
 * - `<@person:ID>`, a mention the platform resolves.
 * - `\n`, a line break.
 * - `\` before `\ * [ ] <` or a backtick: that character, literally (see `literal`).
 * Everything else is literal text, including `*single*`, `_x_`, `<font>` and `& < >`.
 */

/** One piece of parsed markup. `bold` marks tokens inside `**…**`; a break is never bold. */
export type Token =
  | { type: 'text'; text: string; bold?: true }
  | { type: 'code'; text: string; bold?: true }
  | { type: 'link'; label: string; url: string; bold?: true }
  | { type: 'mention'; personId: string; bold?: true }
  | { type: 'break' };

/** Where a piece of literal text sits, for platforms whose markup depends on it. */
export interface TextPosition {
  /** The text starts a line (line-start syntax: quotes, headings, lists). */
  lineStart: boolean;
}

/**
 * How one platform writes each token. `text` must escape everything its platform would read as
 * markup; `bold` wraps a run of already serialized bold tokens.
 */
export interface MarkupSerializer {
  text(text: string, at: TextPosition): string;
  code(text: string): string;
  link(label: string, url: string): string;
  mention(personId: string): string;
  bold(inner: string): string;
  lineBreak: string;
}

/** Between a checklist item's label and its detail, on every platform. */
export const CHECKLIST_DETAIL_SEPARATOR = ' — ';

/** Characters a backslash makes literal. */
const ESCAPABLE = new Set(['\\', '*', '[', ']', '<', '`']);
const URL = /^https?:\/\/[^\s()<>"'`]+$/i;

/** The markup of a mention; each platform resolves it (a Slack or Feishu mention, or a name). */
export const mention = (personId: string): string => `<@person:${personId}>`;

/** `text` escaped so that it parses back to itself as literal text (for user text in markup). */
export const literal = (text: string): string => text.replace(/[\\*[\]<`]/g, (c) => `\\${c}`);

/** A web address as people type it, without the punctuation that usually follows one in a sentence. */
const TYPED_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`\\]+/gi;
const TRAILING = /[.,;:!?'")\]}，。；：！？）」』]+$/;

/**
 * What a person typed, for a message: literal text, and its web addresses shown as text, not links
 * (as code, which no platform turns into a link, though Slack and Feishu link a bare address in
 * plain text), so nobody can plant a clickable link in a bot message. `linksClickable` (the author
 * is HR) makes each address a link instead.
 */
export function userText(text: string, opts: { linksClickable?: boolean } = {}): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TYPED_URL)) {
    const url = m[0].replace(TRAILING, '');
    const start = m.index;
    out += literal(text.slice(last, start));
    const href = /^www\./i.test(url) ? `https://${url}` : url;
    // A link's label is read as it stands (no escapes), so an address with `]` stays code.
    out += opts.linksClickable && URL.test(href) && !url.includes(']') ? `[${url}](${href})` : `\`${url}\``;
    last = start + url.length;
  }
  return out + literal(text.slice(last));
}

type Inline = Exclude<Token, { type: 'break' }>;

/** Parses the markup into tokens. Total: any string parses, unmatched syntax is literal text. */
export function parseMarkup(markup: string): Token[] {
  const out: Token[] = [];
  markup.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    out.push(...parseLine(line));
  });
  return mergeText(out);
}

/** Characters that may start markup (`**`, an escape, code, a link, a mention); all else is text. */
const MARKUP_START = /[*\\`[<]/;
const NEXT_MARKUP_START = /[*\\`[<]/g;

function parseLine(line: string): Inline[] {
  // Most lines (names, dates, catalog sentences) hold no markup at all.
  if (!MARKUP_START.test(line)) return line ? [{ type: 'text', text: line }] : [];
  const out: Inline[] = [];
  let pos = 0;
  while (pos < line.length) {
    if (line.startsWith('**', pos)) {
      const bold = parseInline(line, pos + 2, true);
      if (bold && bold.tokens.length) {
        out.push(...bold.tokens.map((t) => ({ ...t, bold: true as const })));
        pos = bold.end + 2;
        continue;
      }
      out.push({ type: 'text', text: '**' });
      pos += 2;
      continue;
    }
    const plain = parseInline(line, pos, false)!;
    out.push(...plain.tokens);
    pos = plain.end;
  }
  return out;
}

/**
 * Reads inline tokens from `pos` up to the end of the line or, inside bold, up to the closing
 * `**` (then `end` is its index). Null when a bold is never closed.
 */
function parseInline(line: string, pos: number, inBold: boolean): { tokens: Inline[]; end: number } | null {
  const tokens: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ type: 'text', text });
    text = '';
  };
  while (pos < line.length) {
    const c = line[pos]!;
    if (line.startsWith('**', pos)) {
      if (inBold) {
        flush();
        return { tokens, end: pos };
      }
      break; // the caller opens a bold here
    }
    if (c === '\\' && ESCAPABLE.has(line[pos + 1] ?? '')) {
      text += line[pos + 1];
      pos += 2;
      continue;
    }
    const token =
      c === '`' ? codeAt(line, pos) : c === '[' ? linkAt(line, pos) : c === '<' ? mentionAt(line, pos) : null;
    if (token) {
      flush();
      tokens.push(token.token);
      pos = token.end;
      continue;
    }
    // This character is text, and so is everything up to the next one that may start markup.
    NEXT_MARKUP_START.lastIndex = pos + 1;
    const next = NEXT_MARKUP_START.exec(line)?.index ?? line.length;
    text += line.slice(pos, next);
    pos = next;
  }
  if (inBold) return null;
  flush();
  return { tokens, end: pos };
}

type Found = { token: Inline; end: number } | null;

function codeAt(line: string, pos: number): Found {
  const close = line.indexOf('`', pos + 1);
  if (close <= pos + 1) return null;
  return { token: { type: 'code', text: line.slice(pos + 1, close) }, end: close + 1 };
}

/** Sticky: matches exactly at `lastIndex`, so no slice of the line is copied per bracket. */
const LINK = /\[([^\]]+)\]\(([^)\s]*)\)/y;
const MENTION = /<@person:([^>\s]+)>/y;

function linkAt(line: string, pos: number): Found {
  LINK.lastIndex = pos;
  const m = LINK.exec(line);
  if (!m || !URL.test(m[2]!)) return null;
  return { token: { type: 'link', label: m[1]!, url: m[2]! }, end: pos + m[0].length };
}

function mentionAt(line: string, pos: number): Found {
  MENTION.lastIndex = pos;
  const m = MENTION.exec(line);
  if (!m) return null;
  return { token: { type: 'mention', personId: m[1]! }, end: pos + m[0].length };
}

function mergeText(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (t.type === 'text' && prev?.type === 'text' && prev.bold === t.bold) prev.text += t.text;
    else out.push(t.type === 'text' ? { ...t } : t);
  }
  return out;
}

/** The same tokens, all bold (a field label, a heading line). */
export const boldTokens = (tokens: readonly Token[]): Token[] =>
  tokens.map((t) => (t.type === 'break' ? t : { ...t, bold: true as const }));

/** Writes tokens with one platform's serializer. Consecutive bold tokens share one bold span. */
export function serialize(tokens: readonly Token[], s: MarkupSerializer): string {
  let out = '';
  let lineStart = true;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (t.type === 'break') {
      out += s.lineBreak;
      lineStart = true;
      i++;
      continue;
    }
    if (t.bold) {
      let inner = '';
      for (let b = tokens[i]; b && b.type !== 'break' && b.bold; b = tokens[++i])
        inner += inlineOf(b, s, { lineStart: false });
      out += s.bold(inner);
    } else {
      out += inlineOf(t, s, { lineStart });
      i++;
    }
    lineStart = false;
  }
  return out;
}

function inlineOf(t: Inline, s: MarkupSerializer, at: TextPosition): string {
  switch (t.type) {
    case 'text':
      return s.text(t.text, at);
    case 'code':
      return s.code(t.text);
    case 'link':
      return s.link(t.label, t.url);
    case 'mention':
      return s.mention(t.personId);
  }
}

/** Parses and serializes in one step. */
export const renderMarkup = (markup: string, s: MarkupSerializer): string => serialize(parseMarkup(markup), s);

/**
 * What a reader sees, for places that take no markup (headers, buttons, titles, toasts, option
 * labels): text and code as they are, a link's label, a mention as `@name`.
 */
export function visibleText(markup: string | readonly Token[], nameOf: (personId: string) => string): string {
  const tokens = typeof markup === 'string' ? parseMarkup(markup) : markup;
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'break':
          return '\n';
        case 'text':
        case 'code':
          return t.text;
        case 'link':
          return t.label;
        case 'mention':
          return `@${nameOf(t.personId)}`;
      }
    })
    .join('');
}

/**
 * A platform's size budget for one piece of serialized markup. `cost` must add up over
 * concatenation (`cost(a + b) = cost(a) + cost(b)`): characters, UTF-8 bytes, escaped bytes.
 */
export interface TextBudget {
  cost: (serialized: string) => number;
  max: number;
}

/**
 * Serializes markup in pieces that each fit `budget`, in order and without losing a character:
 * split at line breaks where it can, else between tokens, else inside literal text or code (never
 * inside a mention, an escape or a surrogate pair, and at a space when one is near the end).
 * Every piece starts a line, so line-start syntax is escaped where a piece begins. A renderer puts
 * each piece in its own block; nothing is cut.
 */
export function serializeInPieces(
  markup: string | readonly Token[],
  s: MarkupSerializer,
  budget: TextBudget,
): string[] {
  const tokens = typeof markup === 'string' ? parseMarkup(markup) : markup;
  const fits = (serialized: string) => budget.cost(serialized) <= budget.max;
  const breakCost = budget.cost(s.lineBreak);
  const pieces: string[] = [];
  let current: string | null = null;
  let currentCost = 0;
  for (const line of linesOf(tokens)) {
    const ser = serialize(line, s);
    const lineCost = budget.cost(ser);
    if (current !== null && currentCost + breakCost + lineCost <= budget.max) {
      current += s.lineBreak + ser;
      currentCost += breakCost + lineCost;
      continue;
    }
    if (current !== null) pieces.push(current);
    if (lineCost <= budget.max) {
      current = ser;
      currentCost = lineCost;
      continue;
    }
    const parts = splitLine(line, s, fits);
    pieces.push(...parts.slice(0, -1));
    current = parts[parts.length - 1]!;
    currentCost = budget.cost(current);
  }
  if (current !== null) pieces.push(current);
  return pieces;
}

function linesOf(tokens: readonly Token[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const t of tokens) {
    if (t.type === 'break') lines.push([]);
    else lines[lines.length - 1]!.push(t);
  }
  return lines;
}

/** One line too long for the budget, in pieces that fit (each serialized as a line of its own). */
function splitLine(line: Inline[], s: MarkupSerializer, fits: (serialized: string) => boolean): string[] {
  const out: string[] = [];
  let acc: Inline[] = [];
  for (const token of line) {
    if (fits(serialize([...acc, token], s))) {
      acc.push(token);
      continue;
    }
    if (acc.length) out.push(serialize(acc, s));
    acc = [];
    if (fits(serialize([token], s))) {
      acc = [token];
      continue;
    }
    const parts = splitToken(token, s, fits);
    for (const p of parts.slice(0, -1)) out.push(serialize([p], s));
    acc = [parts[parts.length - 1]!];
  }
  if (acc.length || !out.length) out.push(serialize(acc, s));
  return out;
}

/** A text or code token in pieces that each fit alone; a link or mention that cannot fit becomes its text. */
function splitToken(token: Inline, s: MarkupSerializer, fits: (serialized: string) => boolean): Inline[] {
  const piece = (text: string): Inline =>
    token.type === 'code' ? { ...token, text } : { type: 'text', text, ...(token.bold ? { bold: true } : {}) };
  let rest =
    token.type === 'text' || token.type === 'code'
      ? token.text
      : token.type === 'link'
        ? `${token.label} (${token.url})`
        : `@${token.personId}`;
  const out: Inline[] = [];
  while (rest) {
    let lo = 1;
    let hi = rest.length;
    // The longest prefix that fits (cost grows with length); at least one character.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(serialize([piece(rest.slice(0, mid))], s))) lo = mid;
      else hi = mid - 1;
    }
    let n = lo;
    if (n < rest.length) {
      if (n > 1 && /[\uD800-\uDBFF]/.test(rest[n - 1]!)) n--;
      const space = rest.slice(0, n).search(/\s\S*$/);
      if (space > n * 0.8) n = space + 1;
    }
    out.push(piece(rest.slice(0, n)));
    rest = rest.slice(n);
  }
  return out;
}
