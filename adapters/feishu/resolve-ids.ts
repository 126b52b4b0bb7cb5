/**
 * Fills in a missing `feishu_open_id` from the person's email through the contact API (50 emails
 * per call), so an org import without Feishu ids still reaches everyone. Runs at start and then
 * hourly; each change is audited. Each call's results are written before the next call is made.
 */
import type * as lark from '@larksuiteoapi/node-sdk';
import { retryWhileBusy, type Store } from '../../src/ports/store.js';
import { inCallSizedRuns, openIdsByEmail } from './contact.js';

export async function resolveMissingOpenIds(client: lark.Client, store: Store): Promise<number> {
  const missing = store.read((tx) => tx.org.activePeople().filter((p) => !p.feishuOpenId && p.email));
  let resolved = 0;
  for (const batch of inCallSizedRuns(missing)) {
    const byEmail = await openIdsByEmail(
      client,
      batch.map((p) => p.email),
    );
    // A CLI import may hold the write lock: yield and retry rather than block the bot.
    await retryWhileBusy(() =>
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
      }),
    );
  }
  return resolved;
}
