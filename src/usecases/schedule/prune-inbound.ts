/**
 * Housekeeping for inbound deduplication, run with the scheduler's tick. Handled-event ids are
 * needed only while a platform could still deliver the event again: Slack and Feishu requests more
 * than 5 minutes old are refused by their timestamp checks, and Slack's own retries come within
 * minutes, so an hour is a wide margin. A form submission's first answer is kept for a day (a
 * retrying proxy, a tab left open on a double-submitted form).
 */
import type { UseCaseDeps } from '../../ports/deps.js';

export const HANDLED_EVENT_TTL_MS = 60 * 60 * 1000;
export const SUBMISSION_ANSWER_TTL_MS = 24 * 60 * 60 * 1000;

export const makePruneInbound =
  ({ store, clock }: Pick<UseCaseDeps, 'store' | 'clock'>) =>
  (): { events: number; submissions: number } => {
    const now = clock.now();
    return store.tx((tx) => tx.inbound.prune(now - HANDLED_EVENT_TTL_MS, now - SUBMISSION_ANSWER_TTL_MS));
  };
