/**
 * The local platform's outbox sender. Delivery is a row in local_messages plus a live event, and
 * it is woken right after each interaction so the bot's messages arrive with the reply.
 */
import type { OutboxQueue, OutboxRow, UploadPayload } from '../../src/ports/outbox-queue.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Message } from '../../src/ui/model.js';
import type { LocalMessageStore, StoredMessage } from './messages.js';
import { startOutboxSender, type DeliveryOutcome, type OutboxSenderOptions } from '../../src/delivery/sender.js';
import { dmConversation } from './persona.js';
import { fileBytes } from '../reports/materialize.js';

async function storedFile(u: UploadPayload): Promise<UploadPayload> {
  const body = u.body;
  if (!body || body.kind === 'text' || body.kind === 'bytes') return u;
  const f = await fileBytes(u);
  return { ...u, body: { kind: 'bytes', base64: f.bytes.toString('base64'), contentType: f.contentType } };
}

export interface LocalDelivery {
  store: LocalMessageStore;
  /** True when an outbox address is a person id (a DM) rather than a channel id. */
  isPerson(address: string): boolean;
  /** Called after each delivered post or update, to push it to open tabs. */
  onDelivered(m: StoredMessage, op: 'post' | 'update'): void;
}

/** Delivers one outbox row; returns the ref (the local message id) for the outbox. */
export function deliverLocal(row: OutboxRow, d: LocalDelivery, now: number): string {
  if (row.op === 'update') {
    const target = row.targetRef ? Number(row.targetRef) : NaN;
    const updated = Number.isFinite(target) ? d.store.replace(target, row.payload as Message, row.locale, now) : null;
    if (!updated) throw new PermanentDeliveryError(`message ${row.targetRef} not found`);
    d.onDelivered(updated, 'update');
    return String(updated.id);
  }
  const conversation = d.isPerson(row.address) ? dmConversation(row.address) : row.address;
  const threadId = row.threadRef ? Number(row.threadRef) : null;
  const saved = d.store.insert({
    conversation,
    threadId: threadId !== null && Number.isFinite(threadId) ? threadId : null,
    locale: row.locale,
    kind: row.op === 'upload' ? 'upload' : 'message',
    payload: row.payload as Message | UploadPayload,
    at: now,
  });
  d.onDelivered(saved, 'post');
  return String(saved.id);
}

export class PermanentDeliveryError extends Error {}

export interface LocalSender {
  /** Drain now (after an interaction); resolves when nothing is due any more. */
  wake(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The shared paced sender (src/delivery/sender.ts) with a local deliver(): writing a row is cheap,
 * so the pace is only a guard against a runaway loop.
 */
export function startLocalSender(opts: {
  queue: OutboxQueue;
  clock: Clock;
  delivery: LocalDelivery;
  pollMs?: number;
  /** The retry window and the HR alert (adapters/delivery-policy.ts). */
  policy?: Pick<OutboxSenderOptions, 'retryWindowMs' | 'onGaveUp'>;
}): LocalSender {
  const { queue, clock, delivery } = opts;
  const sender = startOutboxSender({
    platform: 'local',
    queue,
    clock,
    pollMs: opts.pollMs ?? 300,
    pacing: { global: [{ ratePerSec: 2000, burst: 500 }] },
    ...opts.policy,
    deliver: async (row: OutboxRow): Promise<DeliveryOutcome> => {
      try {
        // A file is kept as the bytes it became (a chart as its PNG), as a chat platform keeps it.
        const payload = row.op === 'upload' ? await storedFile(row.payload as UploadPayload) : row.payload;
        return { kind: 'sent', ref: deliverLocal({ ...row, payload }, delivery, clock.now()) };
      } catch (e) {
        if (e instanceof PermanentDeliveryError) return { kind: 'permanent', error: e.message };
        throw e;
      }
    },
  });
  return {
    async wake() {
      sender.wake();
      await sender.whenIdle();
    },
    stop: () => sender.stop(),
  };
}
