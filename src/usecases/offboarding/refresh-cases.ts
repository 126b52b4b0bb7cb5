import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../ports/settings.js';
import { caseView } from './case-view.js';
import { publishCase } from './publish-case.js';

/**
 * Called inside the transaction of any use case that records evidence about `employeeId`
 * (a review, an acknowledgment, a note, a training sign-in, a job adjustment). It re-evaluates each
 * open case of that employee and queues an in-place update of the case message, so the checklist
 * is live. Owned by the offboarding feature.
 */
export function refreshOpenCases(tx: Tx, employeeId: string, ctx: { settings: AppSettings; now: number }): void {
  for (const c of tx.cases.open(employeeId)) publishCase(tx, caseView(tx, c, ctx.now), ctx.settings);
}
