import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, addPeople, person, waitFor, SIGNING_SECRET, type SlackHarness } from './harness.js';
import { postSigned, slackSignature } from '../../support/fake-slack-requests.js';
import { helpHandlers } from '../../../src/app/help.js';

const counts = (h: SlackHarness) =>
  h.db.conn.sqlite
    .prepare(
      `select (select count(*) from audit_log) a, (select count(*) from outbox) o, (select count(*) from processed_events) p`,
    )
    .get() as { a: number; o: number; p: number };

describe('Slack request signatures (Bolt verification stays on)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ features: (deps) => [helpHandlers(deps)] });
    addPeople(h, [person({ id: 'ann', role: 'hr' })]);
  });
  afterEach(async () => h.close());

  it('answers a correctly signed slash command', async () => {
    const res = await h.slackReq.slashCommand('UANN', '/dandang', 'help');
    expect(res.status).toBe(200);
    const reply = await waitFor(() => h.fake.responses[0], 'the ephemeral help');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body.blocks)).toContain('/review start');
  });

  it('rejects a forged signature with 401 and writes nothing', async () => {
    const before = counts(h);
    const ts = Math.floor(Date.now() / 1000);
    const res = await h.slackReq.slashCommand('UANN', '/dandang', 'help', {
      timestamp: ts,
      signature: slackSignature('not-the-secret', ts, 'x'),
    });
    expect(res.status).toBe(401);
    expect(counts(h)).toEqual(before);
    expect(h.fake.responses).toHaveLength(0);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('rejects a stale timestamp with 401 even when the signature matches', async () => {
    const before = counts(h);
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const res = await h.slackReq.event({ type: 'app_home_opened', user: 'UANN', tab: 'home' }, 'EvStale');
    expect(res.status).toBe(200); // the control: a fresh event is accepted…
    const body = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvStale2',
      event: { type: 'app_home_opened', user: 'UANN', tab: 'home' },
    });
    const staleRes = await postSigned(h.slackReq.eventsUrl, SIGNING_SECRET, body, 'application/json', {
      timestamp: stale,
    });
    expect(staleRes.status).toBe(401); // …and the same request signed 10 minutes ago is not.
    await waitFor(() => h.fake.callsTo('views.publish').length === 1, 'the home tab of the fresh event');
    expect(counts(h).p).toBe(before.p + 1);
  });

  it('rejects a timestamp more than 5 minutes in the future with 401, even when the signature matches', async () => {
    const before = counts(h);
    const body = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvFuture',
      event: { type: 'app_home_opened', user: 'UANN', tab: 'home' },
    });
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await postSigned(h.slackReq.eventsUrl, SIGNING_SECRET, body, 'application/json', { timestamp: future });
    expect(res.status).toBe(401);
    const slash = await h.slackReq.slashCommand('UANN', '/dandang', 'help', { timestamp: future });
    expect(slash.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(counts(h)).toEqual(before);
    expect(h.fake.responses).toHaveLength(0);
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  });

  it('accepts a clock a little ahead of ours (inside 5 minutes)', async () => {
    const ahead = Math.floor(Date.now() / 1000) + 4 * 60;
    const res = await h.slackReq.slashCommand('UANN', '/dandang', 'help', { timestamp: ahead });
    expect(res.status).toBe(200);
    await waitFor(() => h.fake.responses[0], 'the ephemeral help');
  });

  it('tells someone not in Dandang so, privately', async () => {
    await h.slackReq.slashCommand('UNOBODY', '/dandang', 'help');
    const reply = await waitFor(() => h.fake.responses[0], 'the ephemeral reply');
    expect(reply.body.text).toContain('could not find');
  });

  it('processes a retried Events API delivery once', async () => {
    await h.slackReq.event({ type: 'app_home_opened', user: 'UANN', tab: 'home' }, 'EvSame');
    await h.slackReq.event({ type: 'app_home_opened', user: 'UANN', tab: 'home' }, 'EvSame');
    await waitFor(() => h.fake.callsTo('views.publish').length >= 1, 'the home tab');
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsTo('views.publish')).toHaveLength(1);
    expect(JSON.stringify(h.fake.callsTo('views.publish')[0]!.args.view)).toContain('/dandang help');
  });
});
