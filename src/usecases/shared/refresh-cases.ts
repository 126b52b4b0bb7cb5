import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../app/settings.js';

/**
 * Called inside the transaction of any use case that records evidence about `employeeId`
 * (a review, an acknowledgment, a note, a training sign-in, a job adjustment). It re-evaluates each
 * open case of that employee and queues an in-place update of the case message, so the checklist
 * is live. Owned by the offboarding feature.
 */
export function refreshOpenCases(_tx: Tx, _employeeId: string, _ctx: { settings: AppSettings; now: number }): void {
  // Filled in by the offboarding feature.
}
