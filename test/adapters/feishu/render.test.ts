import { describe, expect, it } from 'vitest';
import { renderMessageCards, renderFormCard, type RenderDeps } from '../../../adapters/feishu/render/card.js';
import { renderCallbackAnswer, type SubmittedForm } from '../../../adapters/feishu/render/reply.js';
import { formKey } from '../../../adapters/feishu/render/form.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { ACTIONS, FORMS } from '../../../src/ui/actions.js';
import type { Form, Message } from '../../../src/ui/model.js';

const deps = {
  t: translator('zh-CN'),
  mentions: (id: string) =>
    id === 'zw' ? { openId: 'ou_zw', name: '张伟' } : id === 'ghost' ? { openId: null, name: '李雷' } : null,
};

const form: Form = {
  formId: FORMS.review,
  title: '周考核',
  submitLabel: '提交',
  cancelLabel: '取消',
  state: 'slot:7',
  intro: [{ type: 'context', text: '员工 <@person:zw>' }],
  inputs: [
    { id: 'kpi_calls', kind: 'number', label: '电话数', min: 0, max: 500 },
    { id: 'comment', kind: 'text', label: '评语', multiline: true, optional: true, maxLength: 2000 },
    {
      id: 'rating',
      kind: 'select',
      label: '总体',
      options: [
        { value: 'meets', label: '达标' },
        { value: 'below', label: '未达标' },
      ],
      initial: 'meets',
    },
    { id: 'tags', kind: 'multiselect', label: '标签', options: [{ value: 'a', label: 'A' }], initial: ['a'] },
    { id: 'due', kind: 'date', label: '截止', initial: '2026-11-27' },
    { id: 'at', kind: 'datetime', label: '时间', initial: '2026-11-27T10:30' },
  ],
};

/** These messages fit one card: render it and say so. */
function renderMessageCard(message: Message, d: RenderDeps) {
  const cards = renderMessageCards(message, d);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

/** The answer to a callback, as the listener returns it; nothing is sent privately here. */
function renderCallbackResponse(
  reply: Parameters<typeof renderCallbackAnswer>[0],
  d: RenderDeps,
  submitted?: SubmittedForm,
) {
  const answer = renderCallbackAnswer(reply, d, { submitted });
  expect(answer.privately).toEqual([]);
  return answer.response;
}

describe('Feishu card renderer', () => {
  it('renders a message to card JSON 2.0: header, markdown with mentions, fields, checklist, buttons', () => {
    const message: Message = {
      text: '案件 #3 <@person:zw>',
      blocks: [
        { type: 'header', text: '案件 #3' },
        {
          type: 'text',
          text: '**<@person:zw>** 的案件,[详情](https://x.test/c/3)。经理 <@person:ghost>,<@person:nobody>',
        },
        {
          type: 'fields',
          fields: [
            { label: '部门', value: '销售' },
            { label: '状态', value: '受阻' },
            { label: '经理', value: '王芳' },
          ],
        },
        { type: 'divider' },
        {
          type: 'checklist',
          items: [
            { ok: true, label: '岗位 KPI 已确认' },
            { ok: false, label: '未达标考核', detail: '1/3' },
          ],
        },
        { type: 'context', text: '更新于 11-23' },
        {
          type: 'actions',
          buttons: [
            { actionId: ACTIONS.acknowledgeReview, label: '确认', value: 'review:9', style: 'primary' },
            {
              actionId: ACTIONS.disputeReview,
              label: '异议',
              value: 'review:9',
              style: 'danger',
              confirm: { title: '确定?', text: '将通知 HR', confirm: '是', deny: '否' },
            },
          ],
        },
      ],
    };
    expect(renderMessageCard(message, deps)).toEqual({
      schema: '2.0',
      config: { update_multi: true, summary: { content: '案件 #3 @张伟' } },
      header: { title: { tag: 'plain_text', content: '案件 #3' }, template: 'blue' },
      body: {
        elements: [
          { tag: 'markdown', content: '**<at id=ou_zw></at>** 的案件,[详情](https://x.test/c/3)。经理 李雷,nobody' },
          {
            tag: 'column_set',
            flex_mode: 'bisect',
            columns: [
              {
                tag: 'column',
                width: 'weighted',
                weight: 1,
                elements: [{ tag: 'markdown', content: '**部门**\n销售' }],
              },
              {
                tag: 'column',
                width: 'weighted',
                weight: 1,
                elements: [{ tag: 'markdown', content: '**状态**\n受阻' }],
              },
            ],
          },
          {
            tag: 'column_set',
            flex_mode: 'bisect',
            columns: [
              {
                tag: 'column',
                width: 'weighted',
                weight: 1,
                elements: [{ tag: 'markdown', content: '**经理**\n王芳' }],
              },
            ],
          },
          { tag: 'hr' },
          { tag: 'markdown', content: '✅ 岗位 KPI 已确认\n❌ 未达标考核 — 1/3' },
          { tag: 'markdown', content: '更新于 11-23', text_size: 'notation' },
          {
            tag: 'column_set',
            flex_mode: 'flow',
            columns: [
              {
                tag: 'column',
                width: 'auto',
                elements: [
                  {
                    tag: 'button',
                    text: { tag: 'plain_text', content: '确认' },
                    type: 'primary',
                    behaviors: [{ type: 'callback', value: { a: 'review.acknowledge', v: 'review:9' } }],
                  },
                ],
              },
              {
                tag: 'column',
                width: 'auto',
                elements: [
                  {
                    tag: 'button',
                    text: { tag: 'plain_text', content: '异议' },
                    type: 'danger',
                    behaviors: [{ type: 'callback', value: { a: 'review.dispute', v: 'review:9' } }],
                    confirm: {
                      title: { tag: 'plain_text', content: '确定?' },
                      text: { tag: 'plain_text', content: '将通知 HR' },
                    },
                  },
                ],
              },
            ],
          },
        ],
      },
    });
  });

  it('renders a form inline: labels, every input kind (a long text in parts of 1,000), errors under inputs, a submit button naming the form', () => {
    const card = renderFormCard({ ...form, errors: { kpi_calls: '请输入数字' } }, deps);
    expect(card.header).toEqual({ title: { tag: 'plain_text', content: '周考核' }, template: 'blue' });
    const container = card.body.elements[0] as { tag: string; elements: Record<string, unknown>[] };
    expect(container.tag).toBe('form');
    expect(container.elements).toEqual([
      { tag: 'markdown', content: '员工 <at id=ou_zw></at>', text_size: 'notation' },
      { tag: 'markdown', content: '**电话数**' },
      {
        tag: 'input',
        name: 'kpi_calls',
        required: true,
        input_type: 'text',
        placeholder: { tag: 'plain_text', content: '0 – 500' },
        max_length: 32,
      },
      { tag: 'markdown', content: "<font color='red'>请输入数字</font>" },
      { tag: 'markdown', content: '**评语** （选填）' },
      // Feishu inputs hold at most 1,000 characters; 2,000 are typed in two parts, joined on submit.
      {
        tag: 'input',
        name: 'comment',
        required: false,
        input_type: 'multiline_text',
        rows: 3,
        auto_resize: true,
        max_length: 1000,
      },
      { tag: 'markdown', content: '续写（第 2/2 部分）：上面的输入框写满后，在这里接着写。', text_size: 'notation' },
      {
        tag: 'input',
        name: 'comment~2',
        required: false,
        input_type: 'multiline_text',
        rows: 3,
        auto_resize: true,
        max_length: 1000,
      },
      { tag: 'markdown', content: '**总体**' },
      {
        tag: 'select_static',
        name: 'rating',
        required: true,
        options: [
          { text: { tag: 'plain_text', content: '达标' }, value: 'meets' },
          { text: { tag: 'plain_text', content: '未达标' }, value: 'below' },
        ],
        initial_option: 'meets',
      },
      { tag: 'markdown', content: '**标签**' },
      {
        tag: 'multi_select_static',
        name: 'tags',
        required: true,
        options: [{ text: { tag: 'plain_text', content: 'A' }, value: 'a' }],
        selected_values: ['a'],
      },
      { tag: 'markdown', content: '**截止**' },
      { tag: 'date_picker', name: 'due', required: true, initial_date: '2026-11-27' },
      { tag: 'markdown', content: '**时间**' },
      { tag: 'picker_datetime', name: 'at', required: true, initial_datetime: '2026-11-27 10:30' },
      {
        tag: 'column_set',
        flex_mode: 'flow',
        columns: [
          {
            tag: 'column',
            width: 'auto',
            elements: [
              {
                tag: 'button',
                name: 'submit',
                text: { tag: 'plain_text', content: '提交' },
                type: 'primary',
                form_action_type: 'submit',
                // The form itself stays on the server (a snapshot by key), never twice in the card.
                behaviors: [{ type: 'callback', value: { f: 'review.form', s: 'slot:7', k: formKey(form) } }],
              },
            ],
          },
          {
            tag: 'column',
            width: 'auto',
            elements: [
              {
                tag: 'button',
                name: 'reset',
                text: { tag: 'plain_text', content: '取消' },
                type: 'default',
                form_action_type: 'reset',
              },
            ],
          },
        ],
      },
    ]);
  });

  it('answers a rejected submission with a toast naming the first error and the form re-rendered with its input kept', () => {
    const res = renderCallbackResponse(
      { kind: 'formErrors', errors: { kpi_calls: '请输入数字', due: '日期无效' } },
      deps,
      { form, values: { kpi_calls: 'abc', comment: '不错' } },
    );
    expect(res.toast).toEqual({ type: 'error', content: '请输入数字' });
    const elements = (res.card!.data.body.elements[0] as { elements: Record<string, unknown>[] }).elements;
    expect(elements).toContainEqual(expect.objectContaining({ name: 'kpi_calls', default_value: 'abc' }));
    expect(elements).toContainEqual(expect.objectContaining({ name: 'comment', default_value: '不错' }));
    expect(elements).toContainEqual({ tag: 'markdown', content: "<font color='red'>日期无效</font>" });
  });

  it('escapes user text so it cannot mention a group, colour text, link or format', () => {
    const card = renderMessageCard(
      {
        text: 'x',
        blocks: [
          { type: 'text', text: '理由：<at id=all></at> <font color=red>红</font> *x* [l](javascript:1) :OK:\n# 标题' },
        ],
      },
      deps,
    );
    expect(card.body.elements).toEqual([
      {
        tag: 'markdown',
        content:
          '理由：&#60;at id=all&#62;&#60;/at&#62; &#60;font color=red&#62;红&#60;/font&#62; &#42;x&#42; &#91;l&#93;(javascript:1) &#58;OK:\n&#35; 标题',
      },
    ]);
  });

  it('shows every error of a rejected submission: next to its input, or above the buttons', () => {
    const res = renderCallbackResponse(
      { kind: 'formErrors', errors: { kpi_calls: '请输入数字', state: '案件已关闭 <at id=all></at>' } },
      deps,
      { form, values: {} },
    );
    const elements = (res.card!.data.body.elements[0] as { elements: Record<string, unknown>[] }).elements;
    expect(elements).toContainEqual({ tag: 'markdown', content: "<font color='red'>请输入数字</font>" });
    expect(elements.at(-2)).toEqual({
      tag: 'markdown',
      content: "<font color='red'>案件已关闭 &#60;at id=all&#62;&#60;/at&#62;</font>",
    });
    // With no form to re-render, the toast carries them all.
    expect(renderCallbackResponse({ kind: 'formErrors', errors: { a: '一', b: '二' } }, deps).toast).toEqual({
      type: 'error',
      content: '一\n二',
    });
  });

  it('maps the other replies: form → card, error → error toast, ok → toast and card', () => {
    expect(renderCallbackResponse({ kind: 'form', form }, deps).card!.data.header!.title.content).toBe('周考核');
    expect(renderCallbackResponse({ kind: 'error', code: 'NOT_AUTHORIZED', text: '无权限' }, deps)).toEqual({
      toast: { type: 'error', content: '无权限' },
    });
    const ok = renderCallbackResponse(
      { kind: 'ok', toast: '已保存', message: { text: 'x', blocks: [{ type: 'text', text: 'x' }] } },
      deps,
    );
    expect(ok.toast).toEqual({ type: 'success', content: '已保存' });
    expect(ok.card!.data.body.elements).toEqual([{ tag: 'markdown', content: 'x' }]);
    expect(renderCallbackResponse({ kind: 'ok' }, deps)).toEqual({ toast: { type: 'success', content: '已完成。' } });
  });
});
