/**
 * The appeal's "Heard by" in a Feishu card: a card cannot ask us for options while it is open, so
 * the field is a text input and the submit resolves what was typed, through the real adapter. A
 * name several people share comes back as the card again, naming them; an email names one person.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, type FeishuHarness } from './harness.js';
import { cardActionEvent } from '../../support/fake-feishu-callbacks.js';
import { submitValueOf, textOf } from './card-helpers.js';
import { openAppealCase, seedAppealOrg, ZOE } from '../../support/appeal-case.js';
import { ACTIONS } from '../../../src/ui/actions.js';

const CONFIG =
  'timezone: Asia/Shanghai\nlocale: zh-CN\nhrChannel:\n  feishu: oc_hr\npolicy:\n  preset: uk-capability\n';

/** The inputs of a card's form, by name. */
function inputsOf(card: unknown): Map<string, Record<string, any>> {
  const out = new Map<string, Record<string, any>>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, any>;
    if (typeof o.name === 'string' && typeof o.tag === 'string' && o.tag !== 'button' && o.tag !== 'form')
      out.set(o.name, o);
    for (const v of Object.values(o)) walk(v);
  };
  walk(card);
  return out;
}

describe('Feishu: naming who heard the appeal', () => {
  let h: FeishuHarness;
  let caseId: number;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-06-30T04:00:00Z' });
    seedAppealOrg(h.db.store);
    h.db.store.tx((tx) => tx.org.upsertPerson({ ...tx.org.person('hr')!, feishuOpenId: 'ou_hr' }));
    caseId = openAppealCase(h.ctx, h.db.store);
  });
  afterEach(async () => h.close());

  const click = (value: unknown, formValue?: Record<string, unknown>) =>
    h.fake.pushEvent(cardActionEvent({ ...h.envelope(), openId: 'ou_hr', value, formValue, messageId: 'om_case' }));

  it('is a text input; a shared name comes back naming each, an email records the one it names', async () => {
    const opened = await click({ a: ACTIONS.caseOpenStepForm, v: `${caseId}:appeal` });
    const form = opened.data.card.data;
    const heardBy = inputsOf(form).get('heard_by');
    expect(heardBy).toMatchObject({
      tag: 'input',
      input_type: 'text',
      placeholder: { content: '输入姓名、邮箱或部门' },
    });

    const values = { outcome: 'upheld', date: '2026-06-29' };
    const ambiguous = await click(submitValueOf(form), { ...values, heard_by: '王芳' });
    const again = ambiguous.data.card.data;
    expect(textOf(again)).toContain(
      '“王芳”可能是：王芳（市场部，fang.wang2@example.com）；王芳（财务部，wang.fang@example.com）。请输入所指人员的邮箱。',
    );
    // What was typed stays in the input.
    expect(inputsOf(again).get('heard_by')?.default_value).toBe('王芳');
    const events = () => h.db.store.read((tx) => tx.cases.events(caseId)).filter((e) => e.step === 'appeal');
    expect(events().filter((e) => e.outcome !== 'refused')).toHaveLength(0);

    const done = await click(submitValueOf(again), { ...values, heard_by: ZOE.email });
    expect(done.data.toast?.type ?? 'success').toBe('success');
    expect(events().find((e) => e.outcome !== 'refused')?.detail.heardBy).toBe(ZOE.id);
  });
});
