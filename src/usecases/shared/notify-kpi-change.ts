import type { Tx } from '../../ports/store.js';
import type { AppSettings } from '../../app/settings.js';

/**
 * Called inside the transaction that creates or changes a job's KPI set (jobs import, the define-KPIs
 * form). Each active holder of the job gets a DM asking them to acknowledge KPI version `version`
 * (idempotency key `kpis:<job>@<version>:<person>`), and the change is audited. Owned by the review feature.
 */
export function notifyKpiChange(_tx: Tx, _jobId: string, _version: number, _ctx: { settings: AppSettings; now: number; actorId: string | null }): void {
  // Filled in by the review feature.
}
