import type { ReadTx } from '../../ports/store.js';
import type { Person } from '../../ports/records.js';
import type { TrainingPlan } from '../../ports/repos/evidence.js';

/**
 * Who owns what follows a training plan (completing it, the reassessment): whoever reviews the
 * person, i.e. their direct manager, else the plan's author.
 */
export function planOwner(tx: ReadTx, plan: TrainingPlan, employee: Person | null): Person | null {
  const manager = employee?.managerId ? tx.org.person(employee.managerId) : null;
  return (manager?.active ? manager : null) ?? tx.org.person(plan.createdBy);
}
