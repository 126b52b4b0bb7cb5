/** Writing to the security log (src/ports/security.ts) with a limit, so a script cannot fill it. */
import type { Tx } from '../../ports/store.js';
import type { SecurityEntry } from '../../ports/security.js';

/** Entries one actor may add in an hour; later attempts are refused the same way but not logged. */
export const SECURITY_REFUSALS_PER_HOUR = 20;
const HOUR_MS = 60 * 60 * 1000;

/** Logs a refused attempt unless the actor reached the hourly limit; true when it was logged. */
export function logSecurityRefusal(tx: Tx, now: number, entry: SecurityEntry): boolean {
  if (tx.security.countSince(entry.actorId, now - HOUR_MS) >= SECURITY_REFUSALS_PER_HOUR) return false;
  tx.security.record(entry);
  return true;
}
