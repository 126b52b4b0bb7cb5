/**
 * Drives the Socket Mode side of the fake Slack: waits for the app's websocket (opened through
 * apps.connections.open and greeted with `hello`), sends an envelope as Slack does, and resolves
 * with the app's ack payload.
 */
import { randomUUID } from 'node:crypto';
import type { RawData } from 'ws';
import type { FakeSlack } from './fake-slack.js';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export async function sendEnvelope(
  fake: FakeSlack,
  type: EnvelopeType,
  payload: Record<string, unknown>,
  timeoutMs = 10_000,
): Promise<Record<string, unknown> | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (!fake.sockets.some((s) => s.readyState === s.OPEN)) {
    if (Date.now() > deadline) throw new Error('the app never opened a Socket Mode connection');
    await new Promise((r) => setTimeout(r, 20));
  }
  const socket = fake.sockets.filter((s) => s.readyState === s.OPEN).at(-1)!;
  const envelopeId = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      reject(new Error(`no ack for ${type} envelope`));
    }, timeoutMs);
    function onMessage(data: RawData) {
      const msg = JSON.parse(data.toString()) as { envelope_id?: string; payload?: Record<string, unknown> };
      if (msg.envelope_id !== envelopeId) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(msg.payload);
    }
    socket.on('message', onMessage);
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: 0,
        retry_reason: '',
      }),
    );
  });
}
