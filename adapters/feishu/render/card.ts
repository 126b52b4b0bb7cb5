/**
 * The neutral Message → Feishu card JSON 2.0. One switch over block types; pure, tested by
 * comparing JSON. Buttons call back with `{ a: actionId, v: value }`.
 *
 * Every card stays inside Feishu's limits (./limits.ts): long text becomes several markdown
 * elements, and a message over one card's size or element budget is rendered as several cards
 * (pages), in order, the later ones titled as its continuation. Nothing is cut.
 */
import type { Block, Button, Field, Form, Message } from '../../../src/ui/model.js';
import type { T } from '../../../src/ui/i18n/index.js';
import {
  boldTokens,
  CHECKLIST_DETAIL_SEPARATOR,
  literal,
  parseMarkup,
  serializeInPieces,
  type Token,
} from '../../../src/ui/markup.js';
import { feishuSerializer, plain, toPlainText, type MentionLookup } from './markup.js';
import { renderFormContainer } from './form.js';
import { cardBytes, countElements, FEISHU, markdownBytes } from './limits.js';

export type CardElement = Record<string, unknown>;

export interface Card {
  schema: '2.0';
  config: { update_multi: true; summary?: { content: string } };
  header?: { title: { tag: 'plain_text'; content: string }; template: string };
  body: { elements: CardElement[] };
}

export interface RenderDeps {
  t: T;
  mentions: MentionLookup;
  /** Told about every form rendered (see form.ts), so the adapter can keep its snapshot. */
  onForm?: (key: string, form: Form) => void;
  /**
   * The card goes to a chat many people see (a group): its buttons say so (`g: 1` in the callback
   * value), so a form they open is sent to the clicker privately instead of replacing the card.
   */
  shared?: boolean;
}

/** What a button sends back in `action.value`. */
export interface ButtonValue {
  a: string;
  v: string;
  /** Set on cards in group chats (see RenderDeps.shared). */
  g?: 1;
}

/** Markdown pieces stay well under a card so pages pack evenly. */
const MARKDOWN_PIECE_BYTES = 8 * 1024;
/** Buttons per row of buttons (a row is a column set: 3 elements a button). */
const BUTTONS_PER_ROW = 20;

/** A message as one or more cards, each within Feishu's size and element budget. */
export function renderMessageCards(message: Message, deps: RenderDeps): Card[] {
  const [first, ...rest] = message.blocks;
  const header = first?.type === 'header' ? first.text : undefined;
  const blocks = header !== undefined ? rest : message.blocks;
  const summary = toPlainText(message.text, deps.mentions);
  const pages = paginate(renderBlocks(blocks, deps), (elements) => card(header, elements, summary, deps));
  if (pages.length === 1) return [card(header, pages[0]!, summary, deps)];
  return pages.map((elements, i) => {
    if (i === 0) return card(header, elements, summary, deps);
    const more = deps.t('feishu.continued', {
      title: header !== undefined ? toPlainText(header, deps.mentions) : summary,
      n: i + 1,
      total: pages.length,
    });
    return card(more, elements, more, deps, { plainHeader: true });
  });
}

/** A form on its own card: the answer to a button that opens a form. */
export function renderFormCard(form: Form, deps: RenderDeps): Card {
  const summary = deps.t('feishu.formSummary', { title: toPlainText(form.title, deps.mentions) });
  return card(form.title, [formContainer(form, deps)], summary, deps);
}

const fitsCard = (c: Card) => cardBytes(c) <= FEISHU.cardBudgetBytes && countElements(c) <= FEISHU.elementBudget;

/**
 * A form as cards: the form's own card first, then (rarely) cards with what did not fit in it.
 * A form must be one card (one submit), so when it is too large, its intro is sent as a card of its
 * own, and then the longest pre-filled texts are sent as a message instead of pre-filled, each
 * input saying where its current text is. Nothing is dropped.
 */
export function renderFormCards(form: Form, deps: RenderDeps): Card[] {
  const whole = renderFormCard(form, deps);
  if (fitsCard(whole)) return [whole];
  const extra: Message[] = [];
  let shown: Form = form;
  if (form.intro?.length) {
    extra.push({ text: form.title, blocks: [{ type: 'header', text: form.title }, ...form.intro] });
    shown = { ...form, intro: [] };
  }
  const moved: { label: string; text: string }[] = [];
  const probe = (f: Form) => renderFormCard(f, { ...deps, onForm: undefined });
  while (!fitsCard(probe(shown))) {
    const longest = shown.inputs
      .filter((i): i is Extract<Form['inputs'][number], { kind: 'text' }> => i.kind === 'text' && !!i.initial)
      .sort((a, b) => b.initial!.length - a.initial!.length)[0];
    if (!longest) break;
    moved.push({ label: longest.label, text: longest.initial! });
    const hint = deps.t('feishu.prefillElsewhere');
    shown = {
      ...shown,
      inputs: shown.inputs.map((i) =>
        i === longest ? { ...longest, initial: undefined, hint: longest.hint ? `${longest.hint}\n${hint}` : hint } : i,
      ),
    };
  }
  if (moved.length) {
    const title = deps.t('feishu.prefillTitle', { title: form.title });
    extra.push({
      text: title,
      blocks: [
        { type: 'header', text: title },
        ...moved.flatMap((m): Block[] => [
          { type: 'text', text: `**${m.label}**` },
          { type: 'text', text: literal(m.text) },
        ]),
      ],
    });
  }
  return [renderFormCard(shown, deps), ...extra.flatMap((m) => renderMessageCards(m, deps))];
}

function card(
  header: string | undefined,
  elements: CardElement[],
  summary: string,
  deps: RenderDeps,
  opts: { plainHeader?: boolean } = {},
): Card {
  const title = header === undefined ? undefined : opts.plainHeader ? header : toPlainText(header, deps.mentions);
  return {
    schema: '2.0',
    // Card 2.0 only supports shared cards; patches reach every viewer of the message.
    config: { update_multi: true, ...(summary ? { summary: { content: summary } } : {}) },
    ...(title !== undefined ? { header: { title: plain(title), template: 'blue' } } : {}),
    body: { elements },
  };
}

/** Elements in consecutive pages, each a card (as `wrap` makes it) within the byte and element budget. */
function paginate(elements: CardElement[], wrap: (elements: CardElement[]) => Card): CardElement[][] {
  const fits = (page: CardElement[]) => {
    const c = wrap(page);
    return cardBytes(c) <= FEISHU.cardBudgetBytes && countElements(c) <= FEISHU.elementBudget;
  };
  const pages: CardElement[][] = [];
  let page: CardElement[] = [];
  for (const el of elements) {
    if (page.length && !fits([...page, el])) {
      pages.push(page);
      page = [];
    }
    page.push(el);
  }
  pages.push(page);
  return pages;
}

const markdownPieces = (markup: string | Token[], deps: RenderDeps): string[] =>
  serializeInPieces(markup, feishuSerializer(deps.mentions), { cost: markdownBytes, max: MARKDOWN_PIECE_BYTES });

const markdown = (pieces: string[], extra: CardElement = {}): CardElement[] =>
  pieces.map((content) => ({ tag: 'markdown', content, ...extra }));

export function renderBlocks(blocks: Block[], deps: RenderDeps): CardElement[] {
  return blocks.flatMap((b) => renderBlock(b, deps));
}

function fieldTokens(f: Field): Token[] {
  return [...boldTokens(parseMarkup(f.label)), { type: 'break' }, ...parseMarkup(f.value)];
}

function checklistTokens(block: Extract<Block, { type: 'checklist' }>): Token[] {
  return block.items.flatMap((i, n): Token[] => [
    ...(n > 0 ? [{ type: 'break' as const }] : []),
    { type: 'text', text: `${i.ok ? '✅' : '❌'} ` },
    ...parseMarkup(i.label),
    ...(i.detail ? [{ type: 'text' as const, text: CHECKLIST_DETAIL_SEPARATOR }, ...parseMarkup(i.detail)] : []),
  ]);
}

function renderBlock(block: Block, deps: RenderDeps): CardElement[] {
  switch (block.type) {
    case 'header':
      return markdown(markdownPieces(boldTokens(parseMarkup(block.text)), deps));
    case 'text':
      return markdown(markdownPieces(block.text, deps));
    case 'context':
      return markdown(markdownPieces(block.text, deps), { text_size: 'notation' });
    case 'divider':
      return [{ tag: 'hr' }];
    case 'fields':
      return pairs(block.fields).flatMap((row) => {
        const pieces = row.map((f) => markdownPieces(fieldTokens(f), deps));
        // Two columns side by side while each fits one piece; a longer field gets the full width.
        if (pieces.every((p) => p.length === 1))
          return [
            {
              tag: 'column_set',
              flex_mode: 'bisect',
              columns: pieces.map((p) => ({
                tag: 'column',
                width: 'weighted',
                weight: 1,
                elements: markdown(p),
              })),
            },
          ];
        return pieces.flatMap((p) => markdown(p));
      });
    case 'checklist':
      return markdown(markdownPieces(checklistTokens(block), deps));
    case 'actions': {
      const rows: CardElement[] = [];
      for (let i = 0; i < block.buttons.length; i += BUTTONS_PER_ROW)
        rows.push({
          tag: 'column_set',
          flex_mode: 'flow',
          columns: block.buttons
            .slice(i, i + BUTTONS_PER_ROW)
            .map((b) => ({ tag: 'column', width: 'auto', elements: [renderButton(b, deps)] })),
        });
      return rows;
    }
    case 'form':
      return [formContainer(block.form, deps)];
  }
}

function formContainer(form: Form, deps: RenderDeps): CardElement {
  return renderFormContainer(form, { ...deps, renderIntro: (f) => renderBlocks(f.intro ?? [], deps) });
}

const BUTTON_TYPE = { primary: 'primary', danger: 'danger', default: 'default' } as const;

function renderButton(b: Button, deps: RenderDeps): CardElement {
  const plainOf = (text: string) => plain(toPlainText(text, deps.mentions));
  const value: ButtonValue = { a: b.actionId, v: b.value, ...(deps.shared ? { g: 1 as const } : {}) };
  return {
    tag: 'button',
    text: plainOf(b.label),
    type: BUTTON_TYPE[b.style ?? 'default'],
    behaviors: [{ type: 'callback', value }],
    ...(b.confirm ? { confirm: { title: plainOf(b.confirm.title), text: plainOf(b.confirm.text) } } : {}),
  };
}

function pairs(fields: Field[]): Field[][] {
  const rows: Field[][] = [];
  for (let i = 0; i < fields.length; i += 2) rows.push(fields.slice(i, i + 2));
  return rows;
}
