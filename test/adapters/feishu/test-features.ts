/**
 * A tiny feature module for the adapter's transport tests: one action that writes an audited
 * change (so a test can see whether a delivery changed state) and one that throws (a bug).
 * The review and offboarding round trips use the real feature modules instead.
 */
import { ACTIONS } from '../../../src/ui/actions.js';
import { helpHandlers } from '../../../src/app/help.js';
import type { UseCaseDeps, FeatureHandlers } from '../../../src/app/types.js';
import type { AdapterContext } from '../../../adapters/context.js';

export const RECORDING_ACTION = ACTIONS.acknowledgeReview;
export const THROWING_ACTION = ACTIONS.disputeReview;
/** Takes longer than the harness's callback deadline, then records like RECORDING_ACTION. */
export const SLOW_ACTION = ACTIONS.acknowledgeNote;

export function transportTestFeatures(
  deps: Pick<AdapterContext, 'store' | 'clock' | 'settings'> | UseCaseDeps,
): FeatureHandlers[] {
  return [
    helpHandlers(deps),
    {
      actions: {
        [RECORDING_ACTION]: (ev) => {
          deps.store.tx((tx) =>
            tx.audit.record({
              actorId: ev.actor.person.id,
              action: 'test.clicked',
              subjectType: 'test',
              subjectId: ev.value,
            }),
          );
          return {
            kind: 'ok',
            toast: `clicked ${ev.value}`,
            message: { text: 'done', blocks: [{ type: 'text', text: `✅ ${ev.value}` }] },
          };
        },
        [SLOW_ACTION]: async (ev) => {
          await new Promise((r) => setTimeout(r, 1500));
          deps.store.tx((tx) =>
            tx.audit.record({
              actorId: ev.actor.person.id,
              action: 'test.clicked',
              subjectType: 'test',
              subjectId: ev.value,
            }),
          );
          return { kind: 'ok', toast: 'too late' };
        },
        [THROWING_ACTION]: () => {
          throw new Error('a bug in a handler');
        },
      },
    },
  ];
}

export const auditCount = (h: { db: { conn: { sqlite: { prepare(sql: string): { get(): unknown } } } } }) =>
  (h.db.conn.sqlite.prepare("select count(*) as n from audit_log where action = 'test.clicked'").get() as { n: number })
    .n;
