/**
 * Issue 13 #10 in the local workspace's HTML: an edited message keeps its time and says "edited",
 * a text input counts its characters instead of cutting pasted text, and refusals reach the page as
 * the words a person reads (no Markdown backticks), a refusal of several lines also as a message.
 * The browser side (wrapping, the live counter, toasts) is walked in test/e2e/home.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderForm } from '../../../adapters/local/render.js';
import { renderStoredMessage } from '../../../adapters/local/views.js';
import type { StoredMessage } from '../../../adapters/local/messages.js';
import { ManualClock } from '../../../src/ports/clock.js';
import { startLocalApp, type LocalApp } from '../../../adapters/local/testing.js';

const view = { ctx: { nameOf: () => undefined, locale: 'en' as const }, timezone: 'Asia/Shanghai' };
const stored = (createdAt: number, updatedAt: number): StoredMessage => ({
  id: 7,
  conversation: 'dm:lina',
  threadId: null,
  locale: 'en',
  kind: 'message',
  payload: { text: 'Nudge', blocks: [{ type: 'text', text: 'Nudge' }] },
  createdAt,
  updatedAt,
});

describe('a message edited in place', () => {
  const sent = Date.parse('2026-11-24T01:00:00Z'); // 09:00 in Shanghai
  const edited = Date.parse('2026-11-24T06:30:00Z'); // 14:30

  it('keeps the time it was sent and says it was edited, with the time of the edit', () => {
    const html = renderStoredMessage(stored(sent, edited), [], view);
    expect(html).toContain(`<time datetime="${new Date(sent).toISOString()}">Nov 24, 09:00 AM</time>`);
    expect(html).toMatch(/<span class="edited">\(edited <time datetime="[^"]+">Nov 24, 02:30 PM<\/time>\)<\/span>/);
  });

  it('says nothing of an edit that did not happen', () => {
    expect(renderStoredMessage(stored(sent, sent), [], view)).not.toContain('edited');
  });
});

describe('a text input with a limit', () => {
  const form = (initial: string) =>
    renderForm(
      {
        formId: 'note.form',
        title: 'Note',
        submitLabel: 'Save',
        state: 'x',
        inputs: [
          { id: 'discussion', kind: 'text', multiline: true, label: 'Discussion', maxLength: 3000, initial },
          { id: 'goal', kind: 'text', label: 'Goal', maxLength: 200 },
        ],
      },
      { nameOf: () => undefined, locale: 'zh-CN' },
    );

  it('never cuts pasted text (no maxlength) and shows a counter the input is described by', () => {
    const html = form('');
    expect(html).not.toContain('maxlength');
    expect(html).toMatch(/aria-describedby="dlg-discussion-count dlg-discussion-err"/);
    expect(html).toMatch(/<p class="counter" id="dlg-discussion-count" data-max="3000"[^>]*>0 \/ 3000 字<\/p>/);
    // A one-line input shows its counter only once the text is long enough to matter.
    expect(html).toMatch(/<p class="counter" id="dlg-goal-count" data-max="200"[^>]* hidden>/);
  });

  it('counts characters as people do, and says by how many a text is too long', () => {
    expect(form('测'.repeat(3000))).toContain('>3000 / 3000 字<');
    expect(form('😀'.repeat(3002))).toMatch(/<p class="counter over"[^>]*>3002 \/ 3000 字：超出 2 字<\/p>/);
  });
});

describe('refusals as the page shows them', () => {
  let dir: string;
  let app: LocalApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dandang-everyday-'));
    app = await startLocalApp(
      { PORT: '0', DANDANG_DB: join(dir, 'd.db') },
      new ManualClock(new Date('2026-11-24T02:00:00Z').getTime()),
    );
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const command = async (persona: string, text: string) =>
    (await (
      await fetch(`${app.url}/api/command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dandang-persona': persona },
        body: JSON.stringify({ text }),
      })
    ).json()) as { kind: string; text: string; html?: string };

  it('are the words a person reads: no Markdown backticks', async () => {
    expect(await command('lina', '/frobnicate')).toEqual({
      kind: 'error',
      text: 'Unknown command. Try /dandang help.',
    });
    expect((await command('zhangwei', '/training')).text).toBe('请 @ 提及对象：/training @某人');
  });

  it('of several lines keep them, and stay in the conversation as a message only the persona sees', async () => {
    const r = await command('lina', '/dandang frobnicate');
    expect(r.text.split('\n')).toEqual([
      '/dandang frobnicate is not a command I know.',
      'What /dandang does:',
      '/dandang help',
      '/dandang home',
      '/dandang adjust @person [job-id]',
      '/dandang incident @person',
      '/dandang help lists every command.',
    ]);
    expect(r.html).toContain('class="msg ephemeral"');
    expect(r.html).toContain('<br>');
  });
});
