/**
 * Fills in a missing `feishu_open_id` from the person's email through the contact API
 * (contact.v3.user.batch_get_id, 50 emails per call), so an org import without Feishu ids still
 * reaches everyone. Runs at start and then hourly; each change is audited.
 */
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Store } from '../../src/ports/store.js';

const BATCH = 50;

export async function resolveMissingOpenIds(client: lark.Client, store: Store): Promise<number> {
  const missing = store.tx((tx) => tx.org.activePeople().filter((p) => !p.feishuOpenId && p.email));
  let resolved = 0;
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    const res = await client.contact.v3.user.batchGetId({
      params: { user_id_type: 'open_id' },
      data: { emails: batch.map((p) => p.email) },
    });
    if (res.code !== 0) throw new Error(`contact batch_get_id failed: ${res.code} ${res.msg ?? ''}`);
    const byEmail = new Map(
      (res.data?.user_list ?? []).flatMap((u) =>
        u.email && u.user_id ? [[u.email.toLowerCase(), u.user_id] as const] : [],
      ),
    );
    store.tx((tx) => {
      for (const p of batch) {
        const openId = byEmail.get(p.email.toLowerCase());
        // Re-read inside the transaction: an import may have set it meanwhile.
        const current = tx.org.person(p.id);
        if (!openId || !current || current.feishuOpenId) continue;
        tx.org.upsertPerson({ ...current, feishuOpenId: openId });
        tx.audit.record({
          actorId: null,
          action: 'person.feishu_id_resolved',
          subjectType: 'person',
          subjectId: p.id,
          detail: { openId },
        });
        resolved++;
      }
    });
  }
  return resolved;
}
