import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { ManualClock } from '../../../src/ports/clock.js';
import { ConfigError } from '../../../src/config-errors.js';
import { startLocalApp, type LocalApp } from '../../../adapters/local/testing.js';

let dir: string;
let app: LocalApp;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dandang-local-'));
  app = await startLocalApp(
    { PORT: '0', DANDANG_DB: join(dir, 'd.db') },
    new ManualClock(new Date('2026-11-24T02:00:00Z').getTime()),
  );
});
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const api = (path: string, persona: string, body: unknown) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dandang-persona': persona },
    body: JSON.stringify(body),
  });

/** Reads server-sent events until `until` matches one, then closes the stream. */
async function nextEvent(
  persona: string,
  trigger: () => Promise<unknown>,
  until: (data: { conversation: string; html: string }) => boolean,
) {
  const res = await fetch(`${app.url}/api/events?as=${persona}`);
  const reader = res.body!.getReader();
  await trigger();
  let buf = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buf += new TextDecoder().decode(value);
      for (const frame of buf.split('\n\n')) {
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (data && /^event: message$/m.test(frame)) {
          const parsed = JSON.parse(data) as { conversation: string; html: string };
          if (until(parsed)) return parsed;
        }
      }
    }
  } finally {
    await reader.cancel();
  }
}

describe('local workspace server', () => {
  it('refuses to start on a non-loopback host unless allowed', async () => {
    await expect(startLocalApp({ PORT: '0', HOST: '0.0.0.0', DANDANG_DB: join(dir, 'remote.db') })).rejects.toThrow(
      ConfigError,
    );
    await expect(startLocalApp({ PORT: '0', HOST: '0.0.0.0', DANDANG_DB: join(dir, 'remote.db') })).rejects.toThrow(
      /DANDANG_LOCAL_ALLOW_REMOTE=1/,
    );
  });

  it('renders the page for the persona in the cookie, in their language', async () => {
    const en = await (await fetch(`${app.url}/`, { headers: { cookie: 'dandang_persona=lina' } })).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Li Na (manager, Sales)');
    const zh = await (
      await fetch(`${app.url}/?c=team%3AWarehouse`, { headers: { cookie: 'dandang_persona=wanglei' } })
    ).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('当前身份：');
    expect(zh).toContain('<h1 id="conversation-title"># team-Warehouse</h1>');
  });

  it('answers commands with an ephemeral card and rejects unknown personas and mentions', async () => {
    const help = (await (await api('/api/command', 'lina', { text: '/dandang help' })).json()) as {
      kind: string;
      html?: string;
    };
    expect(help.kind).toBe('ok');
    expect(help.html).toContain('Only visible to you');
    const unknown = (await (await api('/api/command', 'lina', { text: '/note @Nobody' })).json()) as {
      kind: string;
      text: string;
    };
    expect(unknown).toEqual({ kind: 'error', text: 'No one called @Nobody is in Dandang.' });
    expect((await api('/api/command', 'ghost', { text: '/dandang help' })).status).toBe(403);
  });

  it('refuses a request whose Host is not loopback (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${app.url}/`, { headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('delivers an outbox message into the conversation and pushes it live to tabs that can see it', async () => {
    const post = () =>
      Promise.resolve(
        app.store.tx((tx) =>
          tx.outbox.post({
            key: 'test:hr:1',
            to: { channel: { local: 'hr' } },
            message: { text: 'x', blocks: [{ type: 'text', text: 'Case for <@person:zhangwei> opened' }] },
          }),
        ),
      );
    const event = await nextEvent('chenjing', post, (d) => d.conversation === 'hr');
    expect(event.html).toContain('Case for <span class="mention">@张伟</span> opened');
    const page = await (await fetch(`${app.url}/?c=hr`, { headers: { cookie: 'dandang_persona=chenjing' } })).text();
    expect(page).toContain('@张伟</span> opened');
    // An employee cannot open the HR channel: they land in their own DM instead.
    const employee = await (await fetch(`${app.url}/?c=hr`, { headers: { cookie: 'dandang_persona=alice' } })).text();
    expect(employee).not.toContain('opened');
  });

  it('shows thread replies under their root, and an update replaces the root in place', async () => {
    const text = (t: string) => ({ text: t, blocks: [{ type: 'text' as const, text: t }] });
    const hr = { channel: { local: 'hr' } };
    await nextEvent(
      'chenjing',
      async () => app.store.tx((tx) => tx.outbox.post({ key: 'case:t:root', to: hr, message: text('Root card') })),
      (d) => d.html.includes('Root card'),
    );
    await nextEvent(
      'chenjing',
      async () =>
        app.store.tx((tx) =>
          tx.outbox.post({ key: 'case:t:r1', to: hr, threadKey: 'case:t:root', message: text('First reply') }),
        ),
      (d) => d.html.includes('First reply'),
    );
    await nextEvent(
      'chenjing',
      async () => app.store.tx((tx) => tx.outbox.update('case:t:root', text('Root card, edited'))),
      (d) => d.html.includes('edited'),
    );
    const page = await (await fetch(`${app.url}/?c=hr`, { headers: { cookie: 'dandang_persona=chenjing' } })).text();
    expect(page).not.toMatch(/Root card<\/p>/);
    expect(page).toMatch(
      /Root card, edited<\/p><\/div><div class="thread" id="thread-\d+"[^>]*><article class="msg reply"[\s\S]*First reply/,
    );
  });

  it('offers an uploaded file to those who can see its channel only', async () => {
    const upload = () =>
      Promise.resolve(
        app.store.tx((tx) =>
          tx.outbox.upload({
            key: 'test:file',
            to: { channel: { local: 'hr' } },
            filename: 'dossier.html',
            title: 'Dossier',
            content: '<h1>Dossier</h1>',
          }),
        ),
      );
    const event = await nextEvent('chenjing', upload, (d) => d.html.includes('dossier.html'));
    const href = /href="([^"]+)"/.exec(event.html)![1]!.replace(/&amp;/g, '&');
    const asHr = await fetch(`${app.url}${href}`, { headers: { cookie: 'dandang_persona=chenjing' } });
    expect(asHr.status).toBe(200);
    expect(await asHr.text()).toBe('<h1>Dossier</h1>');
    expect((await fetch(`${app.url}${href}`, { headers: { cookie: 'dandang_persona=alice' } })).status).toBe(404);
  });
});
