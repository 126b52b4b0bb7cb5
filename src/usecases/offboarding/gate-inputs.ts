/**
 * A case and an actor as the policy gate (`src/domain/policy/advance.ts`) reads them: the case's
 * state, and who the clicking person is to the employee, both from the db, never from a button.
 */
import type { Person } from '../../ports/records.js';
import type { CaseEvent, CaseRecord } from '../../ports/repos/cases.js';
import type { ActorRelation, CaseState } from '../../domain/policy/advance.js';
import { isHr } from '../../domain/people.js';

export const stateOf = (c: CaseRecord): CaseState => ({
  reason: c.reasonKind,
  status: c.status,
  stepIndex: c.stepIndex,
  confirmations: c.confirmations,
});

/** The dates the case's done steps recorded (a hearing's date, the union notified), by step id. */
export function stepDatesOf(events: readonly CaseEvent[]): Partial<Record<string, string>> {
  const dates: Partial<Record<string, string>> = {};
  for (const e of events) if (e.outcome === 'done' && typeof e.detail.date === 'string') dates[e.step] = e.detail.date;
  return dates;
}

/** Nobody acts on their own case, as manager or as HR. */
export function relationOf(actor: Person, employee: Person): ActorRelation {
  return {
    personId: actor.id,
    isManager: employee.managerId === actor.id && actor.id !== employee.id,
    isHr: isHr(actor) && actor.id !== employee.id,
  };
}

/**
 * Whether the actor has a part in the case: its employee, their manager, HR, the person who opened
 * it or confirmed a step. A refusal of someone with a part belongs to the case's history; anyone
 * else's goes to the security log (src/usecases/shared/security-log.ts).
 */
export function hasPartInCase(actor: Person, c: CaseRecord, employee: Person | null): boolean {
  const relation = employee ? relationOf(actor, employee) : { isManager: false, isHr: isHr(actor) };
  return (
    relation.isManager ||
    relation.isHr ||
    [c.employeeId, c.openedBy, ...Object.values(c.confirmations)].includes(actor.id)
  );
}
