/**
 * A newcomer walks 张伟's dismissal case from open to close in the local workspace (issue 10, "Done
 * when"), through the same HTTP endpoints the page uses: the command, the buttons and the forms, as
 * Li Na (his manager) and 陈静 (HR). The demo's history shows HR the two closed cases, naming the
 * people who left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/ports/clock.js';
import { startLocalApp, type LocalApp } from '../../../adapters/local/testing.js';

let dir: string;
let app: LocalApp;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dandang-walk-'));
  app = await startLocalApp(
    { PORT: '0', DANDANG_DB: join(dir, 'd.db') },
    new ManualClock(new Date('2026-11-24T02:00:00Z').getTime()),
  );
});
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  kind: string;
  text?: string;
  toast?: string;
  html?: string;
}

async function post(path: string, persona: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dandang-persona': persona },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
}

const page = async (persona: string, conversation: string) =>
  (
    await fetch(`${app.url}/?c=${encodeURIComponent(conversation)}`, {
      headers: { cookie: `dandang_persona=${persona}` },
    })
  ).text();

/** The page once the outbox has delivered what the last click queued (the sender runs on its own). */
async function pageWhen(persona: string, conversation: string, has: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const html = await page(persona, conversation);
    if (html.includes(has)) return html;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${conversation} never showed ${has}`);
}

/** Presses a button the page shows, as the persona would. */
async function press(persona: string, actionId: string, value: string): Promise<Answer> {
  const a = await post('/api/action', persona, { actionId, value });
  if (a.kind === 'error') throw new Error(`${actionId} ${value}: ${a.text}`);
  return a;
}

/** Opens a form by its button, fills it and submits it. */
async function fill(persona: string, actionId: string, value: string, values: Record<string, string | string[]>) {
  const form = await press(persona, actionId, value);
  const m = /data-form-id="([^"]*)" data-state="([^"]*)" data-instance="([^"]*)"/.exec(form.html ?? '');
  if (!m) throw new Error(`${value}: no form`);
  const r = await post('/api/submit', persona, { formId: m[1], state: m[2], instance: m[3], values });
  if (r.kind === 'error' || r.kind === 'form') throw new Error(`${value}: ${r.text ?? r.html}`);
  return r;
}

describe('the demo, walked in the local workspace', () => {
  it('takes 张伟’s Art. 40(2) case from open to close, with every step a button or a form', async () => {
    const opened = await post('/api/command', 'lina', { text: '/offboard @张伟 培训后仍未达到销售目标' });
    expect(opened.kind).toBe('ok');
    const id = /#(\d+)/.exec(opened.toast ?? '')![1]!;

    // The evidence is complete: the case card has no ❌ evidence line, the manager's DM offers their step.
    // The HR channel reads Chinese, as its HR people do (issue 13 #9); Li Na's DM is in her English.
    const card = await pageWhen('chenjing', 'hr', `解除劳动合同案件 #${id}：张伟`);
    expect(card).toContain('第四十条第（二）项');
    const dm = await pageWhen('lina', 'dm:lina', `data-value="${id}:manager_confirms"`);
    expect(dm).toContain('All the evidence the policy requires is on record.');

    await press('lina', 'case.advance', `${id}:manager_confirms`);
    await press('chenjing', 'case.advance', `${id}:hr_approves`);
    await press('chenjing', 'case.advance', `${id}:art42_check`);
    await fill('chenjing', 'case.open_step_form', `${id}:union_notified`, { date: '2026-11-24' });
    await press('chenjing', 'case.advance', `${id}:meeting_held`);
    await press('lina', 'case.advance', `${id}:meeting_held`);
    await fill('chenjing', 'case.open_step_form', `${id}:notice_issued:lieu`, { previous_month_wage: '' });
    await pageWhen('chenjing', 'hr', `data-value="${id}:close"`);
    await press('chenjing', 'case.advance', `${id}:close`);

    const closed = await pageWhen('chenjing', 'hr', '已于 2026-11-24 结案');
    expect(closed).toContain('加一个月代通知金（N+1）');
    expect(closed).toContain('违法解除劳动合同赔偿金（2N）');
    const status = await post('/api/command', 'chenjing', { text: '/offboard status' });
    expect(status.html).not.toContain('张伟');
  });

  it('shows HR the history’s Art. 39 case and agreed exit, naming the people who left', async () => {
    const hr = await page('chenjing', 'hr');
    expect(hr).toContain('严重违纪（第三十九条）·解除劳动合同案件 #1：赵强');
    expect(hr).toContain('协商一致解除（第三十六条）·解除劳动合同案件 #2：李文');
    expect(hr).toContain('<span class="mention">@赵强</span>');
    expect(hr).not.toMatch(/@zhaoqiang|@liwen/);
  });
});
