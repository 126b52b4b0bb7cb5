/**
 * A figure from a data feed in the Feishu review form (a card, through the real Lark SDK against
 * the fake Feishu): pre-filled and marked with its source, a changed figure refused until the
 * manager says why, in Chinese.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuHarness, waitFor, type FeishuHarness } from './harness.js';
import { cardActionEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { buttonsIn, inputNames, submitValueOf, textOf } from './card-helpers.js';
import { CONFIG, count, seedOrg } from './org.js';
import { makeRecordKpiActuals } from '../../../src/usecases/review/record-kpi-actuals.js';

/** The card's input element with this name. */
function inputNamed(card: unknown, name: string): { default_value?: string } | undefined {
  if (Array.isArray(card)) return card.map((c) => inputNamed(c, name)).find(Boolean);
  if (typeof card !== 'object' || card === null) return undefined;
  const o = card as Record<string, unknown>;
  if (o.tag === 'input' && o.name === name) return o as { default_value?: string };
  return Object.values(o)
    .map((v) => inputNamed(v, name))
    .find(Boolean);
}

describe('a data feed figure in the Feishu review form', () => {
  let h: FeishuHarness;
  beforeEach(async () => {
    h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-11-23T02:00:00Z' });
    seedOrg(h);
  });
  afterEach(async () => h.close());

  it('is pre-filled with its source, and a changed figure needs a reason', async () => {
    const recorded = makeRecordKpiActuals({ store: h.ctx.store, clock: h.db.clock, settings: h.ctx.settings })({
      csv: 'person_id,kpi_key,period,value,source\nzw,calls,2026-W48,52,外呼系统',
    });
    expect(recorded.ok).toBe(true);
    await h.fake.pushEvent(messageEvent({ ...h.envelope(), openId: 'ou_hana', text: '/review start eng' }));
    const nudge = await waitFor(() => h.fake.messagesTo('ou_m1')[0], 'the nudge card');
    const click = (value: unknown, formValue?: Record<string, unknown>) =>
      h.fake.pushEvent(
        cardActionEvent({ ...h.envelope(), openId: 'ou_m1', value, formValue, messageId: nudge.messageId }),
      );
    const opened = await click(buttonsIn(nudge.content)[0]!.value);
    const form = opened.data.card.data;
    expect(inputNames(form)).toEqual(expect.arrayContaining(['kpi_calls', 'kpireason_calls', 'kpi_churn']));
    expect(inputNames(form)).not.toContain('kpireason_churn');
    expect(inputNamed(form, 'kpi_calls')?.default_value).toBe('52');
    expect(inputNamed(form, 'kpi_churn')?.default_value).toBeUndefined();
    expect(textOf(form)).toContain('来自 外呼系统：52，接收于 2026-11-23');

    const answers = { kpi_calls: '48', kpi_churn: '1', rating: '4', strengths: '', improvement: '' };
    const rejected = await click(submitValueOf(form), answers);
    expect(rejected.data.toast.type).toBe('error');
    expect(textOf(rejected.data.card.data)).toContain('您填写的数值与 外呼系统 提供的 52 不同：请说明原因。');
    expect(count(h, 'reviews')).toBe(0);

    await click(submitValueOf(rejected.data.card.data), { ...answers, kpireason_calls: '四通是重复拨号' });
    const row = await waitFor(
      () =>
        h.db.conn.sqlite
          .prepare("select actual, imported_value, imported_source from review_kpi_results where kpi_key = 'calls'")
          .get() as { actual: number; imported_value: number; imported_source: string } | undefined,
      'the stored review',
    );
    expect(row).toEqual({ actual: 48, imported_value: 52, imported_source: '外呼系统' });
  });
});
