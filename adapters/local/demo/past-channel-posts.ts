/**
 * The team channels' history: the digests the demo's history posted through the real schedule use
 * case (./seed-history.ts) are outbox rows for the local workspace, written weeks ago on the
 * history's clock. Before the sender starts, each is filed as delivered at the time it was written,
 * a local_messages row with its original timestamp and the outbox row marked sent, so the channel
 * reads like eight weeks of a real one and nothing is delivered twice.
 */
import { and, asc, eq, lt } from 'drizzle-orm';
import type { Connection } from '../../../db/client.js';
import { outbox } from '../../../db/schema/index.js';
import type { Message } from '../../../src/ui/model.js';
import type { Locale } from '../../../src/ports/records.js';
import { makeLocalMessageStore } from '../messages.js';

/** Files every local post written before `now` and still pending as delivered then. Returns how many. */
export function deliverPastChannelPosts(conn: Connection, now: number): number {
  const messages = makeLocalMessageStore(conn);
  const payloadOf = conn.sealer.json(outbox.payload);
  const rows = conn.db
    .select()
    .from(outbox)
    .where(
      and(eq(outbox.platform, 'local'), eq(outbox.op, 'post'), eq(outbox.status, 'pending'), lt(outbox.createdAt, now)),
    )
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .all()
    // Channel posts only: a DM's address is a person id, a team channel's `team:<department>`.
    .filter((r) => r.address.startsWith('team:'));
  for (const r of rows) {
    const saved = messages.insert({
      conversation: r.address,
      threadId: null,
      locale: r.locale as Locale,
      kind: 'message',
      payload: payloadOf.open<Message>(r.payload),
      at: r.createdAt,
    });
    conn.db
      .update(outbox)
      .set({ status: 'sent', sentRef: String(saved.id), sentAt: r.createdAt })
      .where(eq(outbox.id, r.id))
      .run();
  }
  return rows.length;
}
