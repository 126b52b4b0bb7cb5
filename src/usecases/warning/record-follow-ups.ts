/**
 * What the manager did next: for each recent warning with no follow-up yet, the first
 * conversation, training plan or job adjustment about the person recorded after it was raised.
 */
import type { Tx } from '../../ports/store.js';
import { DAY_MS } from '../../domain/dates.js';

/** A follow-up more than this long after the warning is not an answer to it. */
export const FOLLOW_UP_WINDOW_DAYS = 56;

export function recordFollowUps(tx: Tx, now: number): number {
  let recorded = 0;
  for (const w of tx.warnings.awaitingFollowUp(now - FOLLOW_UP_WINDOW_DAYS * DAY_MS)) {
    const f = tx.warnings.firstFollowUp(w.personId, w.raisedAt);
    if (!f || f.at > w.raisedAt + FOLLOW_UP_WINDOW_DAYS * DAY_MS) continue;
    tx.warnings.setFollowUp(w.id, f);
    tx.audit.record({
      actorId: null,
      action: 'warning.followed_up',
      subjectType: 'warning',
      subjectId: w.id,
      detail: { personId: w.personId, followUp: f },
    });
    recorded++;
  }
  return recorded;
}
