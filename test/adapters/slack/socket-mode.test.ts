import { afterEach, describe, expect, it } from 'vitest';
import { startSlackHarness, addPeople, person, waitFor, type SlackHarness } from './harness.js';
import { sendEnvelope } from '../../support/fake-slack-socket.js';
import { helpHandlers } from '../../../src/app/help.js';

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  let h: SlackHarness;
  afterEach(async () => h?.close());

  it('connects through apps.connections.open and answers a slash command over the socket', async () => {
    h = await startSlackHarness({ socketMode: true, features: (deps) => [helpHandlers(deps)] });
    addPeople(h, [person({ id: 'ann' })]);
    expect(h.fake.callsTo('apps.connections.open')).toHaveLength(1);

    await sendEnvelope(h.fake, 'slash_commands', {
      command: '/dandang',
      text: 'help',
      user_id: 'UANN',
      channel_id: 'DUANN',
      team_id: 'T1',
      api_app_id: 'A1',
      trigger_id: 'trigger-1',
      response_url: `${h.fake.url}/response/socket-1`,
    });
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === 'socket-1'), 'the ephemeral help');
    expect(JSON.stringify(reply.body.blocks)).toContain('/review');

    await sendEnvelope(h.fake, 'events_api', {
      type: 'event_callback',
      event_id: 'EvSock',
      team_id: 'T1',
      event: { type: 'app_home_opened', user: 'UANN', tab: 'home' },
    });
    await waitFor(() => h.fake.callsTo('views.publish').length === 1, 'the home tab');
  });
});
