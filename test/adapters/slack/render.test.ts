import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderMessagePages, type SlackRenderCtx } from '../../../adapters/slack/render/message.js';
import { renderFormToModal } from '../../../adapters/slack/render/modal.js';
import { decodeInlineForm, OPEN_INLINE_FORM } from '../../../adapters/slack/render/inline-form.js';
import { parseViewValues, parseCommandText, baseActionId } from '../../../adapters/slack/parse.js';
import { stateValuesFor, type OpenedView } from '../../support/fake-slack-requests.js';
import type { Form, Message } from '../../../src/ui/model.js';
import { translator } from '../../../src/ui/i18n/index.js';

/** These messages fit one Slack message: render it and say so. */
function renderMessageToBlockKit(message: Message, ctx: SlackRenderCtx) {
  const pages = renderMessagePages(message, ctx);
  expect(pages).toHaveLength(1);
  return pages[0]!;
}

const people: Record<string, { slackId: string | null; name: string }> = {
  p1: { slackId: 'U1', name: 'Alice' },
  p2: { slackId: null, name: 'Bob' },
};
const ctx = { resolveMention: (id: string) => people[id] ?? null, t: translator('en') };

describe('renderMessageToBlockKit', () => {
  it('renders every block type with Slack markup', () => {
    const message: Message = {
      text: 'Reviews due for <@person:p1>',
      blocks: [
        { type: 'header', text: 'Week 48' },
        {
          type: 'text',
          text: '**3 reviews** due: <@person:p1>, <@person:p2>. See [the guide](https://ex.com/g). 1 < 2 & 3 > 2',
        },
        { type: 'fields', fields: [{ label: 'Rating', value: '4' }] },
        { type: 'context', text: 'Due Friday' },
        { type: 'divider' },
        {
          type: 'checklist',
          items: [
            { ok: true, label: 'KPIs acknowledged' },
            { ok: false, label: 'Training', detail: 'none yet' },
          ],
        },
        {
          type: 'actions',
          buttons: [
            { actionId: 'review.open_form', label: 'Alice', value: 's1', style: 'primary' },
            { actionId: 'review.open_form', label: 'Bob', value: 's2' },
            {
              actionId: 'review.dispute',
              label: 'Dispute',
              value: 'r1',
              style: 'danger',
              confirm: { title: 'Sure?', text: 'Really', confirm: 'Yes', deny: 'No' },
            },
          ],
        },
      ],
    };
    expect(renderMessageToBlockKit(message, ctx)).toEqual({
      text: 'Reviews due for <@U1>',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Week 48', emoji: true } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            // Zero-width spaces around bold: Slack's word boundary, also next to CJK text.
            text: '\u200b*3 reviews*\u200b due: <@U1>, Bob. See <https://ex.com/g|the guide>. 1 &lt; 2 &amp; 3 &gt; 2',
          },
        },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '\u200b*Rating*\u200b\n4' }] },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Due Friday' }] },
        { type: 'divider' },
        { type: 'section', text: { type: 'mrkdwn', text: '✅ KPIs acknowledged\n❌ Training — none yet' } },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'review.open_form',
              text: { type: 'plain_text', text: 'Alice', emoji: true },
              value: 's1',
              style: 'primary',
            },
            {
              type: 'button',
              action_id: 'review.open_form#1',
              text: { type: 'plain_text', text: 'Bob', emoji: true },
              value: 's2',
            },
            {
              type: 'button',
              action_id: 'review.dispute',
              text: { type: 'plain_text', text: 'Dispute', emoji: true },
              value: 'r1',
              style: 'danger',
              confirm: {
                title: { type: 'plain_text', text: 'Sure?', emoji: true },
                text: { type: 'mrkdwn', text: 'Really' },
                confirm: { type: 'plain_text', text: 'Yes', emoji: true },
                deny: { type: 'plain_text', text: 'No', emoji: true },
              },
            },
          ],
        },
      ],
    });
  });

  it('neutralises Slack control sequences typed by users', () => {
    const out = renderMessageToBlockKit({ text: 'x', blocks: [{ type: 'text', text: 'hi <!channel> <@U999>' }] }, ctx);
    expect(out.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: 'hi &lt;!channel&gt; &lt;@U999&gt;' },
    });
  });

  it('keeps formatting characters typed by users from formatting, and leaves them alone inside words', () => {
    const out = renderMessageToBlockKit(
      { text: 'x', blocks: [{ type: 'text', text: '*urgent* snake_case a*b `x` :smile: 10:30\n> not a quote' }] },
      ctx,
    );
    const v = (c: string) => `<!date^00000000^{_}|${c}>`;
    expect(out.blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${v('*')}urgent${v('*')} snake_case a*b \`x\` ${v(':')}smile: 10:30\n\u00ad&gt; not a quote`,
      },
    });
  });

  it('writes the name of someone without a Slack account as escaped text', () => {
    const hostile = { resolveMention: () => ({ slackId: null, name: '<!channel> *boss*' }), t: ctx.t };
    const out = renderMessageToBlockKit({ text: 'x', blocks: [{ type: 'text', text: 'Hi <@person:x>' }] }, hostile);
    expect(out.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: 'Hi &lt;!channel&gt; <!date^00000000^{_}|*>boss<!date^00000000^{_}|*>' },
    });
  });

  it("says in the reader's language when a form is too large to carry", () => {
    const huge: Form = {
      formId: 'review.dispute_form',
      title: 'Dispute',
      submitLabel: 'Send',
      state: 'r1',
      // Random text does not deflate: far over the 2,000 characters a button value holds.
      inputs: [{ id: 'x', kind: 'text', label: randomBytes(3000).toString('base64') }],
    };
    const zh = renderMessageToBlockKit(
      { text: 'x', blocks: [{ type: 'form', form: huge }] },
      { ...ctx, t: translator('zh-CN') },
    );
    expect(zh.blocks[0]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Dispute（表单过大，无法在此打开）' }],
    });
  });

  it('renders an inline form as a button that carries the form', () => {
    const form: Form = {
      formId: 'review.dispute_form',
      title: 'Dispute',
      submitLabel: 'Send',
      state: 'r1',
      inputs: [{ id: 'comment', kind: 'text', label: 'Why?' }],
    };
    const out = renderMessageToBlockKit({ text: 'x', blocks: [{ type: 'form', form }] }, ctx);
    const button = (out.blocks[0] as { elements: { action_id: string; value: string }[] }).elements[0]!;
    expect(button.action_id).toBe(OPEN_INLINE_FORM);
    expect(decodeInlineForm(button.value)).toEqual(form);
    expect(decodeInlineForm('garbage')).toBeNull();
  });
});

describe('renderFormToModal', () => {
  const form: Form = {
    formId: 'review.form',
    title: 'Weekly review: a very long title that Slack would reject',
    submitLabel: 'Submit',
    cancelLabel: 'Cancel',
    state: '{"slot":7}',
    intro: [{ type: 'text', text: 'Reviewing <@person:p1>' }],
    inputs: [
      { id: 'kpi.calls', kind: 'number', label: 'Calls (target 40)', decimal: true, min: 0 },
      {
        id: 'rating',
        kind: 'select',
        label: 'Rating',
        options: [
          { value: '1', label: '1 Poor' },
          { value: '5', label: '5 Great' },
        ],
        initial: '5',
      },
      {
        id: 'skills',
        kind: 'multiselect',
        label: 'Skills',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
        initial: ['b'],
      },
      {
        id: 'improvement',
        kind: 'text',
        label: 'Improvement',
        multiline: true,
        hint: 'Required when a KPI is missed',
        optional: true,
        maxLength: 2000,
      },
      { id: 'day', kind: 'date', label: 'Day', initial: '2026-11-27' },
      { id: 'at', kind: 'datetime', label: 'At', initial: '2026-11-27T18:00:00.000Z' },
    ],
    errors: { improvement: 'ignored when rendering' },
  };

  it('maps inputs to Slack elements with block_id = action_id = input id', () => {
    const view = renderFormToModal(form, ctx);
    expect(view).toEqual({
      type: 'modal',
      callback_id: 'review.form',
      private_metadata: '{"slot":7}',
      title: { type: 'plain_text', text: 'Weekly review: a very l…', emoji: true },
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      close: { type: 'plain_text', text: 'Cancel', emoji: true },
      blocks: [
        {
          type: 'header',
          text: { type: 'plain_text', text: 'Weekly review: a very long title that Slack would reject', emoji: true },
        },
        { type: 'section', text: { type: 'mrkdwn', text: 'Reviewing <@U1>' } },
        {
          type: 'input',
          block_id: 'kpi.calls',
          label: { type: 'plain_text', text: 'Calls (target 40)', emoji: true },
          element: { type: 'number_input', action_id: 'kpi.calls', is_decimal_allowed: true, min_value: '0' },
        },
        {
          type: 'input',
          block_id: 'rating',
          label: { type: 'plain_text', text: 'Rating', emoji: true },
          element: {
            type: 'static_select',
            action_id: 'rating',
            options: [
              { text: { type: 'plain_text', text: '1 Poor', emoji: true }, value: '1' },
              { text: { type: 'plain_text', text: '5 Great', emoji: true }, value: '5' },
            ],
            initial_option: { text: { type: 'plain_text', text: '5 Great', emoji: true }, value: '5' },
          },
        },
        {
          type: 'input',
          block_id: 'skills',
          label: { type: 'plain_text', text: 'Skills', emoji: true },
          element: {
            type: 'multi_static_select',
            action_id: 'skills',
            options: [
              { text: { type: 'plain_text', text: 'A', emoji: true }, value: 'a' },
              { text: { type: 'plain_text', text: 'B', emoji: true }, value: 'b' },
            ],
            initial_options: [{ text: { type: 'plain_text', text: 'B', emoji: true }, value: 'b' }],
          },
        },
        {
          type: 'input',
          block_id: 'improvement',
          optional: true,
          label: { type: 'plain_text', text: 'Improvement', emoji: true },
          hint: { type: 'plain_text', text: 'Required when a KPI is missed', emoji: true },
          element: { type: 'plain_text_input', action_id: 'improvement', multiline: true, max_length: 2000 },
        },
        {
          type: 'input',
          block_id: 'day',
          label: { type: 'plain_text', text: 'Day', emoji: true },
          element: { type: 'datepicker', action_id: 'day', initial_date: '2026-11-27' },
        },
        {
          type: 'input',
          block_id: 'at',
          label: { type: 'plain_text', text: 'At', emoji: true },
          element: { type: 'datetimepicker', action_id: 'at', initial_date_time: 1795802400 },
        },
      ],
    });
  });

  it('keeps a short title as it is, with no extra block', () => {
    const view = renderFormToModal({ ...form, title: 'Weekly review' }, ctx);
    expect(view.title).toEqual({ type: 'plain_text', text: 'Weekly review', emoji: true });
    expect((view.blocks as { type: string }[])[0]!.type).toBe('section');
  });

  it('round-trips submitted values back to FormValues keyed by input id', () => {
    const view = renderFormToModal(form, ctx) as unknown as OpenedView;
    const values = {
      'kpi.calls': '42.5',
      rating: '1',
      skills: ['a', 'b'],
      improvement: 'Call more',
      day: '2026-12-01',
      at: '2026-12-01T09:30:00.000Z',
    };
    expect(parseViewValues(stateValuesFor(view, values) as never)).toEqual(values);
    expect(parseViewValues(stateValuesFor(view, { rating: undefined }) as never)).toMatchObject({
      improvement: undefined,
      rating: undefined,
      skills: [],
    });
  });
});

describe('parsing Slack input', () => {
  it('turns escaped mentions into person ids and reports unknown ones', () => {
    const lookup = (id: string) => (id === 'U1' ? ({ id: 'p1' } as never) : null);
    expect(parseCommandText(' <@U1|alice> status ', lookup)).toEqual({
      args: 'p1 status',
      mentions: ['p1'],
      unknown: [],
    });
    expect(parseCommandText('<@U2>', lookup)).toEqual({ args: '<@U2>', mentions: [], unknown: ['U2'] });
    expect(baseActionId('review.open_form#2')).toBe('review.open_form');
  });
});
