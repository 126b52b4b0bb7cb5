import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Connection } from '../../db/client.js';
import { localMessages } from '../../db/schema/index.js';
import type { Message } from '../../src/ui/model.js';
import type { UploadPayload } from '../../src/ports/outbox-queue.js';
import type { Locale } from '../../src/ports/records.js';

export interface StoredMessage {
  id: number;
  conversation: string;
  threadId: number | null;
  locale: Locale;
  kind: 'message' | 'upload';
  payload: Message | UploadPayload;
  createdAt: number;
  updatedAt: number;
}

/** The local "chat platform"'s message history, written by the local sender. */
export interface LocalMessageStore {
  insert(m: {
    conversation: string;
    threadId: number | null;
    locale: Locale;
    kind: 'message' | 'upload';
    payload: Message | UploadPayload;
    at: number;
  }): StoredMessage;
  /** Replaces the content of a delivered message; null if it does not exist. */
  replace(id: number, payload: Message, locale: Locale, at: number): StoredMessage | null;
  get(id: number): StoredMessage | null;
  /** Top-level messages of a conversation with their thread replies, oldest first. */
  conversation(conversation: string, limit?: number): { root: StoredMessage; replies: StoredMessage[] }[];
}

type Row = typeof localMessages.$inferSelect;

/** Payloads are sealed like the outbox's when a data key is configured: they quote the same text. */
export function makeLocalMessageStore({ db, sealer }: Pick<Connection, 'db' | 'sealer'>): LocalMessageStore {
  const payloadOf = sealer.json(localMessages.payload);
  const toStored = (r: Row): StoredMessage => ({
    ...r,
    locale: r.locale as Locale,
    payload: payloadOf.open<Message | UploadPayload>(r.payload),
  });
  const get = (id: number) => {
    const r = db.select().from(localMessages).where(eq(localMessages.id, id)).get();
    return r ? toStored(r) : null;
  };
  return {
    insert(m) {
      const row = db
        .insert(localMessages)
        .values({
          conversation: m.conversation,
          threadId: m.threadId,
          locale: m.locale,
          kind: m.kind,
          payload: payloadOf.seal(m.payload),
          createdAt: m.at,
          updatedAt: m.at,
        })
        .returning()
        .get();
      return toStored(row);
    },
    replace(id, payload, locale, at) {
      const res = db
        .update(localMessages)
        .set({ payload: payloadOf.seal(payload), locale, updatedAt: at })
        .where(eq(localMessages.id, id))
        .run();
      return res.changes ? get(id) : null;
    },
    get,
    conversation(conversation, limit = 200) {
      const roots = db
        .select()
        .from(localMessages)
        .where(and(eq(localMessages.conversation, conversation), isNull(localMessages.threadId)))
        .orderBy(asc(localMessages.id))
        .all()
        .slice(-limit)
        .map(toStored);
      const ids = roots.map((r) => r.id);
      const replies = ids.length
        ? db
            .select()
            .from(localMessages)
            .where(inArray(localMessages.threadId, ids))
            .orderBy(asc(localMessages.id))
            .all()
            .map(toStored)
        : [];
      return roots.map((root) => ({ root, replies: replies.filter((r) => r.threadId === root.id) }));
    },
  };
}
