/**
 * The same form submission sent twice (a double click, a retrying proxy, a replayed capture inside
 * the platforms' 5-minute window) records once and answers the same, on every platform: one
 * conversation must never count as two documented conversations.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSlackHarness, waitFor, addPeople, person, SIGNING_SECRET } from '../slack/harness.js';
import { postSigned, stateValuesFor, type OpenedView } from '../../support/fake-slack-requests.js';
import { startFeishuHarness } from '../feishu/harness.js';
import { cardActionEvent, messageEvent } from '../../support/fake-feishu-callbacks.js';
import { submitValueOf } from '../feishu/card-helpers.js';
import { seedOrg, CONFIG } from '../feishu/org.js';
import { startLocalApp } from '../../../adapters/local/testing.js';
import { ManualClock } from '../../../src/ports/clock.js';
import type Database from 'better-sqlite3';

const notes = (sqlite: Database.Database) =>
  (sqlite.prepare(`SELECT count(*) AS n FROM notes`).get() as { n: number }).n;
const noteAudits = (sqlite: Database.Database) =>
  (sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'note.%'`).get() as { n: number }).n;

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('a form submitted twice is recorded once', () => {
  it('Slack: the same view submission, clicked twice and then replayed byte for byte', async () => {
    const h = await startSlackHarness({ fileConfig: 'timezone: UTC\n', now: '2026-11-23T10:00:00Z' });
    cleanup = () => h.close();
    addPeople(h, [person({ id: 'mia', name: 'Mia Manager' }), person({ id: 'eli', name: 'Eli', managerId: 'mia' })]);
    await h.slackReq.slashCommand('UMIA', '/note', '<@UELI|eli>');
    const view = await waitFor(
      () => h.fake.callsTo('views.open').at(-1)?.args.view as OpenedView | undefined,
      'the note modal',
    );
    const values = {
      kind: 'one_on_one',
      held_on: '2026-11-23',
      discussion: 'Calls 31/day vs 40.',
      visibility: 'evidence',
    };
    // The view as Slack sends it on submit: the id it gave the modal and the hash of this version.
    const opened = { ...view, id: 'V0NOTE1', hash: '1700000000.abc' } as OpenedView;
    const [first, second] = await Promise.all([
      h.slackReq.submitView('UMIA', opened, values),
      h.slackReq.submitView('UMIA', opened, values),
    ]);
    expect(notes(h.db.conn.sqlite)).toBe(1);
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);

    // A capture of the signed request, replayed unchanged inside the 5-minute window.
    const body = new URLSearchParams({
      payload: JSON.stringify({
        type: 'view_submission',
        team: { id: 'T1', domain: 'fake' },
        user: { id: 'UMIA', username: 'umia', team_id: 'T1' },
        api_app_id: 'A1',
        token: 'legacy',
        trigger_id: 'trigger-replayed',
        view: { ...opened, type: 'modal', team_id: 'T1', state: { values: stateValuesFor(opened, values) } },
        response_urls: [],
      }),
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const replays = [
      await postSigned(h.slackReq.eventsUrl, SIGNING_SECRET, body, 'application/x-www-form-urlencoded', {
        timestamp: ts,
      }),
      await postSigned(h.slackReq.eventsUrl, SIGNING_SECRET, body, 'application/x-www-form-urlencoded', {
        timestamp: ts,
      }),
    ];
    expect(replays.map((r) => r.status)).toEqual([200, 200]);
    expect(replays[1]!.json).toEqual(first.json);
    expect(notes(h.db.conn.sqlite)).toBe(1);
    expect(noteAudits(h.db.conn.sqlite)).toBe(1);

    // A second, different conversation from a new modal is of course recorded.
    await h.slackReq.submitView('UMIA', { ...view, id: 'V0NOTE2', hash: '1700000100.def' } as OpenedView, {
      ...values,
      discussion: 'Follow-up a week later.',
    });
    expect(notes(h.db.conn.sqlite)).toBe(2);
  }, 60_000);

  it('Feishu: two callbacks for the same card form (each with its own event id)', async () => {
    const h = await startFeishuHarness({ mode: 'ws', fileConfig: CONFIG, now: '2026-11-23T02:00:00Z' });
    cleanup = () => h.close();
    seedOrg(h);
    const mentions = [{ key: '@_user_1', openId: 'ou_zw', name: '张伟' }];
    await h.fake.pushEvent(
      messageEvent({ ...h.envelope(), openId: 'ou_m1', text: '/note @_user_1', mentions, messageId: 'om_note' }),
    );
    const card = await waitFor(() => h.fake.repliesTo('om_note')[0], 'the note form card');
    const submit = () =>
      h.fake.pushEvent(
        cardActionEvent({
          ...h.envelope(),
          openId: 'ou_m1',
          value: submitValueOf(card.content),
          formValue: {
            kind: 'one_on_one',
            held_on: '2026-11-23 +0800',
            discussion: '讨论了电话量',
            visibility: 'shared',
          },
          messageId: card.messageId,
        }),
      );
    const first = await submit();
    const second = await submit();
    expect(first.data.toast?.type).toBe('success');
    expect(second.data).toEqual(first.data);
    expect(notes(h.db.conn.sqlite)).toBe(1);
    expect(noteAudits(h.db.conn.sqlite)).toBe(1);
  }, 60_000);

  it('local workspace: the same form instance posted twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dandang-double-'));
    const app = await startLocalApp(
      { PORT: '0', DANDANG_DB: join(dir, 'd.db') },
      new ManualClock(new Date('2026-11-24T02:00:00Z').getTime()),
    );
    cleanup = async () => {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    };
    const api = async (path: string, body: unknown) =>
      (await (
        await fetch(`${app.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-dandang-persona': 'lina' },
          body: JSON.stringify(body),
        })
      ).json()) as { kind: string; html?: string; toast?: string };
    const opened = await api('/api/command', { text: '/note @zhangwei' });
    expect(opened.kind).toBe('form');
    const attr = (name: string) => new RegExp(`data-${name}="([^"]*)"`).exec(opened.html!)![1]!;
    const submission = {
      formId: attr('form-id'),
      state: attr('state')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
      instance: attr('instance'),
      values: { kind: 'one_on_one', held_on: '2026-11-24', discussion: 'Pipeline review', visibility: 'evidence' },
    };
    const before = notes(app.conn.sqlite);
    const [a, b] = await Promise.all([api('/api/submit', submission), api('/api/submit', submission)]);
    expect(a.kind).toBe('ok');
    expect(b).toEqual(a);
    expect(notes(app.conn.sqlite)).toBe(before + 1);
    // The same form opened again is a new instance: a second conversation is recorded.
    const again = await api('/api/command', { text: '/note @zhangwei' });
    const instance = /data-instance="([^"]*)"/.exec(again.html!)![1]!;
    expect(instance).not.toBe(submission.instance);
    expect((await api('/api/submit', { ...submission, instance })).kind).toBe('ok');
    expect(notes(app.conn.sqlite)).toBe(before + 2);
  }, 60_000);
});
