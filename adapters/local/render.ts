/**
 * The local workspace's one renderer for the neutral message model (src/ui/model.ts): Message and
 * Form → HTML fragments. The server renders; the browser only inserts the fragments, so there is no
 * second renderer in the page script.
 */
import { randomUUID } from 'node:crypto';
import type { Block, Button, Form, Input, Message } from '../../src/ui/model.js';
import type { UploadPayload } from '../../src/ports/outbox-queue.js';
import type { Locale } from '../../src/ports/records.js';
import { t } from '../../src/ui/i18n/index.js';
import { CHECKLIST_DETAIL_SEPARATOR, renderMarkup, visibleText, type MarkupSerializer } from '../../src/ui/markup.js';
import { textLength } from '../../src/domain/text.js';

/** Resolves `<@person:ID>` mentions to display names. */
export type NameOf = (personId: string) => string | undefined;

/** What rendering needs besides the model: names for mentions, and the locale of chrome words. */
export interface RenderCtx {
  nameOf: NameOf;
  locale: Locale;
}

interface BlockCounter {
  prefix: string;
  n: number;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The neutral markup (src/ui/markup.ts) as HTML: every piece of literal text is HTML-escaped. */
export function htmlSerializer(nameOf: NameOf): MarkupSerializer {
  return {
    text: (s) => escapeHtml(s),
    code: (s) => `<code>${escapeHtml(s)}</code>`,
    link: (label, url) =>
      `<a href="${escapeHtml(url)}" rel="noreferrer noopener" target="_blank">${escapeHtml(label)}</a>`,
    mention: (id) => `<span class="mention">@${escapeHtml(nameOf(id) ?? id)}</span>`,
    bold: (inner) => `<strong>${inner}</strong>`,
    lineBreak: '<br>',
  };
}

/** Markup → an HTML fragment. */
export const renderInline = (text: string, nameOf: NameOf): string => renderMarkup(text, htmlSerializer(nameOf));

/** Plain text with mentions resolved, for attributes and accessible names (escape it where it goes). */
export const plainText = (text: string, nameOf: NameOf): string => visibleText(text, (id) => nameOf(id) ?? id);

function renderButton(b: Button, { nameOf }: RenderCtx): string {
  const confirm = b.confirm
    ? ` data-confirm="${escapeHtml(plainText(`${b.confirm.title}\n\n${b.confirm.text}`, nameOf))}"`
    : '';
  return `<button type="button" class="btn btn-${b.style ?? 'default'}" data-action="${escapeHtml(b.actionId)}" data-value="${escapeHtml(b.value)}"${confirm}>${escapeHtml(plainText(b.label, nameOf))}</button>`;
}

function renderBlock(block: Block, ctx: RenderCtx, counter: BlockCounter): string {
  const { nameOf } = ctx;
  switch (block.type) {
    case 'header':
      return `<h3 class="blk-header">${renderInline(block.text, nameOf)}</h3>`;
    case 'text':
      return `<p class="blk-text">${renderInline(block.text, nameOf)}</p>`;
    case 'context':
      return `<p class="blk-context">${renderInline(block.text, nameOf)}</p>`;
    case 'divider':
      return '<hr class="blk-divider">';
    case 'fields':
      return `<dl class="blk-fields">${block.fields
        .map((f) => `<div><dt>${renderInline(f.label, nameOf)}</dt><dd>${renderInline(f.value, nameOf)}</dd></div>`)
        .join('')}</dl>`;
    case 'actions':
      return `<div class="blk-actions">${block.buttons.map((b) => renderButton(b, ctx)).join('')}</div>`;
    case 'checklist':
      return `<ul class="blk-checklist">${block.items
        .map(
          (i) =>
            `<li class="${i.ok ? 'ok' : 'missing'}"><span aria-hidden="true">${i.ok ? '✅' : '❌'}</span> <span class="visually-hidden">${t(ctx.locale, i.ok ? 'local.checkDone' : 'local.checkMissing')}</span> ${renderInline(i.label, nameOf)}${i.detail ? `${CHECKLIST_DETAIL_SEPARATOR}<span class="detail">${renderInline(i.detail, nameOf)}</span>` : ''}</li>`,
        )
        .join('')}</ul>`;
    case 'form':
      return renderForm(block.form, ctx, { inline: true, idPrefix: `${counter.prefix}-f${counter.n++}` });
  }
}

/** The blocks of one message. `idPrefix` keeps DOM ids of inline forms unique on the page. */
export function renderMessageBody(m: Message, ctx: RenderCtx, idPrefix: string): string {
  const counter: BlockCounter = { prefix: idPrefix, n: 0 };
  const blocks = m.blocks.length ? m.blocks : [{ type: 'text' as const, text: m.text }];
  return blocks.map((b) => renderBlock(b, ctx, counter)).join('');
}

export function renderUpload(u: UploadPayload, fileHref: string): string {
  const link = `<p class="blk-file">📎 <a href="${escapeHtml(fileHref)}" download="${escapeHtml(u.filename)}">${escapeHtml(u.title)}</a> <span class="detail">${escapeHtml(u.filename)}</span></p>`;
  // A picture (a chart) is shown, with its one-line summary under it as the caption and the alt text.
  const image = u.body?.kind === 'bytes' && u.body.contentType.startsWith('image/');
  if (!image) return u.comment ? `${link}<p class="detail">${escapeHtml(u.comment)}</p>` : link;
  const alt = u.comment ?? u.title;
  return `<figure class="blk-image"><img src="${escapeHtml(`${fileHref}&inline=1`)}" alt="${escapeHtml(alt)}" loading="lazy"><figcaption>${escapeHtml(alt)}</figcaption></figure>${link}`;
}

/**
 * "120 / 3000 characters" under a text input, kept up to date by the page script. Characters are
 * counted as people and every platform count them (code points, src/domain/text.ts). A one-line
 * input shows it only once the text is long enough to matter.
 */
function renderCounter(max: number, initial: string, always: boolean, id: string, ctx: RenderCtx): string {
  const n = textLength(initial);
  const template = t(ctx.locale, 'local.charCount', { max });
  const over = t(ctx.locale, 'local.charOver', { max });
  const text = (n > max ? over : template).replace('{n}', String(n)).replace('{over}', String(n - max));
  const shown = always || n > max * COUNTER_FROM;
  return `<p class="counter${n > max ? ' over' : ''}" id="${id}" data-max="${max}" data-always="${always}" data-template="${escapeHtml(template)}" data-over="${escapeHtml(over)}"${shown ? '' : ' hidden'}>${escapeHtml(text)}</p>`;
}

/** A one-line input's counter appears from this share of its limit. */
const COUNTER_FROM = 0.8;

function renderInput(input: Input, domId: string, error: string | undefined, ctx: RenderCtx): string {
  const { nameOf } = ctx;
  const hintId = `${domId}-hint`;
  const errId = `${domId}-err`;
  const counterId = `${domId}-count`;
  const counted = input.kind === 'text' && !!input.maxLength;
  const describedBy = [input.hint ? hintId : '', counted ? counterId : '', errId].filter(Boolean).join(' ');
  const common = `id="${domId}" name="${escapeHtml(input.id)}" aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''}`;
  const opt = (v: string, label: string, selected: boolean) =>
    `<option value="${escapeHtml(v)}"${selected ? ' selected' : ''}>${escapeHtml(plainText(label, nameOf))}</option>`;
  let control: string;
  switch (input.kind) {
    case 'text': {
      // No maxlength attribute: a browser would cut pasted text without a word. A counter says how
      // long the text may be, and the use case refuses a longer one with the limit in its error.
      const placeholder = input.placeholder ? ` placeholder="${escapeHtml(plainText(input.placeholder, nameOf))}"` : '';
      control = input.multiline
        ? `<textarea ${common} rows="3"${placeholder}>${escapeHtml(input.initial ?? '')}</textarea>`
        : `<input type="text" ${common} value="${escapeHtml(input.initial ?? '')}"${placeholder}>`;
      if (input.maxLength)
        control += renderCounter(input.maxLength, input.initial ?? '', !!input.multiline, counterId, ctx);
      break;
    }
    case 'number':
      // type=text + inputmode keeps the browser from blocking submission: the use case validates.
      control = `<input type="text" inputmode="${input.decimal ? 'decimal' : 'numeric'}" ${common} value="${escapeHtml(input.initial ?? '')}"${input.placeholder ? ` placeholder="${escapeHtml(plainText(input.placeholder, nameOf))}"` : ''}>`;
      break;
    case 'select':
      if (input.search) {
        // Searched as the persona types (app.js asks /api/suggest and fills the datalist); what is
        // typed and not picked is sent as typed, and the use case resolves it.
        const chosen = input.options.find((o) => o.value === input.initial);
        const shown = chosen ? plainText(chosen.label, nameOf) : (input.initial ?? '');
        const placeholder = input.placeholder
          ? ` placeholder="${escapeHtml(plainText(input.placeholder, nameOf))}"`
          : '';
        // Each option of the list is a label the persona reads, naming its value (data-value).
        const listed = chosen
          ? `<option value="${escapeHtml(shown)}" data-value="${escapeHtml(chosen.value)}">${escapeHtml(shown)}</option>`
          : '';
        control = `<input type="text" ${common} list="${domId}-list" autocomplete="off" data-suggest="${escapeHtml(input.id)}" data-min-query="${input.search.minQueryLength}" value="${escapeHtml(shown)}"${placeholder}><datalist id="${domId}-list">${listed}</datalist>`;
        break;
      }
      control = `<select ${common}>${opt('', input.placeholder ?? '—', !input.initial)}${input.options.map((o) => opt(o.value, o.label, o.value === input.initial)).join('')}</select>`;
      break;
    case 'multiselect':
      if (input.checkboxes) return renderCheckboxes(input, domId, error, ctx);
      control = `<select multiple ${common}>${input.options.map((o) => opt(o.value, o.label, (input.initial ?? []).includes(o.value))).join('')}</select>`;
      break;
    case 'date':
      control = `<input type="date" ${common} value="${escapeHtml(input.initial ?? '')}">`;
      break;
    case 'datetime':
      control = `<input type="datetime-local" ${common} value="${escapeHtml(input.initial ?? '')}">`;
      break;
    case 'file':
      // The page script uploads each chosen file to /api/upload and submits the tokens it gets back.
      control = `<input type="file" ${common}${input.maxFiles > 1 ? ' multiple' : ''} data-max-files="${input.maxFiles}" accept="${escapeHtml(input.accept.map((e) => `.${e}`).join(','))}">`;
      break;
  }
  return `<div class="field${error ? ' has-error' : ''}" data-input="${escapeHtml(input.id)}">
<label for="${domId}">${escapeHtml(plainText(input.label, nameOf))}${input.optional ? ` <span class="optional">${escapeHtml(t(ctx.locale, 'local.optional'))}</span>` : ''}</label>
${input.hint ? `<p class="hint" id="${hintId}">${renderInline(input.hint, nameOf)}</p>` : ''}${control}
<p class="field-error" id="${errId}"${error ? '' : ' hidden'}>${escapeHtml(plainText(error ?? '', nameOf))}</p>
</div>`;
}

/** A short list as checkboxes in a fieldset: one click each, no Ctrl-click (the page sends the checked values). */
function renderCheckboxes(
  input: Extract<Input, { kind: 'multiselect' }>,
  domId: string,
  error: string | undefined,
  ctx: RenderCtx,
): string {
  const { nameOf } = ctx;
  const errId = `${domId}-err`;
  const hintId = `${domId}-hint`;
  const boxes = input.options
    .map(
      (o, i) =>
        `<label class="check"><input type="checkbox" id="${domId}-${i}" name="${escapeHtml(input.id)}" value="${escapeHtml(o.value)}"${(input.initial ?? []).includes(o.value) ? ' checked' : ''} aria-describedby="${input.hint ? `${hintId} ` : ''}${errId}"${error ? ' aria-invalid="true"' : ''}> ${escapeHtml(plainText(o.label, nameOf))}</label>`,
    )
    .join('');
  return `<fieldset class="field checks${error ? ' has-error' : ''}" data-input="${escapeHtml(input.id)}" id="${domId}">
<legend>${escapeHtml(plainText(input.label, nameOf))}${input.optional ? ` <span class="optional">${escapeHtml(t(ctx.locale, 'local.optional'))}</span>` : ''}</legend>
${input.hint ? `<p class="hint" id="${hintId}">${renderInline(input.hint, nameOf)}</p>` : ''}${boxes}
<p class="field-error" id="${errId}"${error ? '' : ' hidden'}>${escapeHtml(plainText(error ?? '', nameOf))}</p>
</fieldset>`;
}

/**
 * A form, as a <form> element the page script submits to /api/submit. `inline` forms sit inside a
 * message (Feishu-style); others are shown in a modal <dialog>.
 */
export function renderForm(form: Form, ctx: RenderCtx, opts: { inline?: boolean; idPrefix?: string } = {}): string {
  const { nameOf } = ctx;
  const prefix = opts.idPrefix ?? 'dlg';
  const titleId = `${prefix}-title`;
  const intro = (form.intro ?? []).map((b) => renderBlock(b, ctx, { prefix: `${prefix}-intro`, n: 0 })).join('');
  const input = (i: Input) => renderInput(i, `${prefix}-${i.id}`, form.errors?.[i.id], ctx);
  const more = form.inputs.filter((i) => i.more);
  // What few people need sits behind "More", so Submit stays in sight; an error there opens it.
  const inputs =
    form.inputs
      .filter((i) => !i.more)
      .map(input)
      .join('') +
    (more.length
      ? `<details class="more"${more.some((i) => form.errors?.[i.id]) ? ' open' : ''}><summary>${escapeHtml(t(ctx.locale, 'local.moreFields', { count: more.length }))}</summary>${more.map(input).join('')}</details>`
      : '');
  // Errors for no input of the form are listed above the buttons, as the page script does.
  const unplaced = Object.entries(form.errors ?? {})
    .filter(([id]) => !form.inputs.some((i) => i.id === id))
    .map(([, e]) => escapeHtml(plainText(e, nameOf)));
  // A fresh token per rendered form: the page sends it with the submission, so the same form
  // submitted twice (a double click, a retried request) is recorded once (adapters/submission-key.ts).
  const instance = randomUUID();
  return `<form class="nm-form${opts.inline ? ' inline' : ''}" novalidate aria-labelledby="${titleId}" data-form-id="${escapeHtml(form.formId)}" data-state="${escapeHtml(form.state)}" data-instance="${instance}">
<h2 class="form-title" id="${titleId}">${escapeHtml(plainText(form.title, nameOf))}</h2>
${intro ? `<div class="form-intro">${intro}</div>` : ''}${inputs}
<p class="form-error" role="alert"${unplaced.length ? `>${unplaced.join(' ')}` : ' hidden>'}</p>
<div class="form-buttons">${opts.inline ? '' : `<button type="button" class="btn btn-default" data-close>${escapeHtml(plainText(form.cancelLabel ?? t(ctx.locale, 'common.cancel'), nameOf))}</button>`}<button type="submit" class="btn btn-primary">${escapeHtml(plainText(form.submitLabel, nameOf))}</button></div>
</form>`;
}
