/**
 * Snapshots of the forms the Feishu adapter shows in cards (see adapters/feishu/render/form.ts): a
 * card's submit button carries only the form's key, and a rejected submission is shown again from
 * the snapshot. Writes are idempotent (the key is a hash of the form) and old snapshots are pruned:
 * a card cannot be submitted after its 14 days anyway.
 */
import { eq, lt } from 'drizzle-orm';
import type { Connection } from '../client.js';
import { formSnapshots } from '../schema/index.js';
import type { Form } from '../../src/ui/model.js';
import { DAY_MS } from '../../src/domain/dates.js';

const KEEP_MS = 30 * DAY_MS;
/** Prune at most once an hour. */
const PRUNE_EVERY_MS = 3_600_000;

export interface FormSnapshots {
  save(key: string, form: Form, now: number): void;
  /** The form shown under `key`, or null (unknown, or pruned). */
  find(key: string): Form | null;
}

export function makeFormSnapshots(conn: Pick<Connection, 'db' | 'sealer'>): FormSnapshots {
  const { db } = conn;
  const sealed = conn.sealer.json(formSnapshots.form);
  let prunedAt = 0;
  return {
    save(key, form, now) {
      const { errors: _ignored, ...shown } = form;
      db.insert(formSnapshots)
        .values({ key, form: sealed.seal(shown), createdAt: now })
        .onConflictDoUpdate({ target: formSnapshots.key, set: { createdAt: now } })
        .run();
      if (now - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = now;
        db.delete(formSnapshots)
          .where(lt(formSnapshots.createdAt, now - KEEP_MS))
          .run();
      }
    },
    find(key) {
      const row = db.select().from(formSnapshots).where(eq(formSnapshots.key, key)).get();
      return row ? sealed.open<Form>(row.form) : null;
    },
  };
}
