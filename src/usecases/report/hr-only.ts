/** Reports are HR's: anyone else is refused, and the refusal is audited (who tried to see what). */
import type { Tx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import { isHr } from '../../domain/people.js';

export function refusedReport(tx: Tx, actorId: string, actor: Person | null, report: string): boolean {
  if (isHr(actor)) return false;
  tx.audit.record({
    actorId,
    action: 'report.dashboard_refused',
    subjectType: 'report',
    subjectId: report,
    detail: {},
  });
  return true;
}
