/**
 * The gate on every step click. Pure: given the policy, the case's progress, who is clicking and
 * the current evaluation, it says yes, or lists exactly what is missing. The use case audits a
 * refusal and changes nothing.
 */
import { pathFor, type ActorRole, type Policy, type ReasonKind, type Step } from './schema.js';
import type { BlockerEvaluation, Evaluation, ItemEvaluation } from './evaluate.js';

export interface CaseState {
  reason: ReasonKind;
  status: 'open' | 'closed' | 'withdrawn';
  /** Index of the next step to complete. */
  stepIndex: number;
  /** For a step every listed role must confirm (a meeting): who has confirmed so far. */
  confirmations: Partial<Record<ActorRole, string>>;
  /** The dates earlier steps recorded (a hearing's date), by step id, and today, where the case is. */
  stepDates?: Partial<Record<string, string>>;
  today?: string;
}

/** How the clicking person relates to the case, established from the database by the use case. */
export interface ActorRelation {
  personId: string;
  /** The employee's own line manager. */
  isManager: boolean;
  /** role hr or admin. */
  isHr: boolean;
}

export type Missing =
  | { kind: 'case_closed' }
  | { kind: 'unknown_step'; stepId: string }
  | { kind: 'actor'; stepId: string; need: ActorRole[] }
  /** HR approval by the employee's own line manager: never the manager alone. */
  | { kind: 'not_independent'; stepId: string }
  | { kind: 'already_confirmed'; stepId: string; role: ActorRole }
  /** A step for two people: the one who already confirmed cannot fill the other role too. */
  | { kind: 'same_person'; stepId: string; need: ActorRole[] }
  | { kind: 'already_done'; stepId: string }
  | { kind: 'step'; stepId: string; waitingOn: ActorRole[] }
  /** The date an earlier step set (the hearing's) has not come yet. */
  | { kind: 'not_yet'; stepId: string; dateOf: string; date: string }
  | { kind: 'evidence'; item: ItemEvaluation }
  | { kind: 'blocker'; blocker: BlockerEvaluation };

export type AdvanceDecision =
  | { ok: true; step: Step; role: ActorRole; completesStep: boolean; last: boolean }
  | { ok: false; code: 'NOT_AUTHORIZED' | 'EVIDENCE_MISSING' | 'BLOCKED' | 'CONFLICT'; missing: Missing[] };

export const stepsFor = (policy: Policy, reason: ReasonKind): Step[] => pathFor(policy, reason).steps;

/** Roles still owed on `step`, given who already confirmed. */
export function rolesWaitingOn(step: Step, confirmations: CaseState['confirmations']): ActorRole[] {
  if (step.mode === 'any') return [...step.who];
  return step.who.filter((r) => !confirmations[r]);
}

export function canAdvance(
  policy: Policy,
  state: CaseState,
  stepId: string,
  actor: ActorRelation,
  evaluation: Evaluation,
): AdvanceDecision {
  const steps = stepsFor(policy, state.reason);
  const index = steps.findIndex((s) => s.id === stepId);
  const step = steps[index];
  if (!step) return { ok: false, code: 'CONFLICT', missing: [{ kind: 'unknown_step', stepId }] };

  // Wrong person first: nobody learns the state of a case they have no part in.
  const held: ActorRole[] = [
    ...(actor.isManager ? (['manager'] as const) : []),
    ...(actor.isHr ? (['hr'] as const) : []),
  ];
  const usable = held.filter((r) => step.who.includes(r));
  if (usable.length === 0)
    return { ok: false, code: 'NOT_AUTHORIZED', missing: [{ kind: 'actor', stepId, need: [...step.who] }] };
  if (step.independent === 'not_manager' && actor.isManager)
    return { ok: false, code: 'NOT_AUTHORIZED', missing: [{ kind: 'not_independent', stepId }] };

  if (state.status !== 'open') return { ok: false, code: 'CONFLICT', missing: [{ kind: 'case_closed' }] };
  if (index < state.stepIndex) return { ok: false, code: 'CONFLICT', missing: [{ kind: 'already_done', stepId }] };

  const confirmations = index === state.stepIndex ? state.confirmations : {};
  if (step.mode === 'all' && Object.values(confirmations).includes(actor.personId)) {
    // One person holding both roles cannot be both people at the meeting.
    const need = rolesWaitingOn(step, confirmations);
    return need.length && need.some((r) => usable.includes(r))
      ? { ok: false, code: 'CONFLICT', missing: [{ kind: 'same_person', stepId, need }] }
      : { ok: false, code: 'CONFLICT', missing: [{ kind: 'already_confirmed', stepId, role: usable[0]! }] };
  }
  const role = step.mode === 'all' ? usable.find((r) => !confirmations[r]) : usable[0];
  if (!role) return { ok: false, code: 'CONFLICT', missing: [{ kind: 'already_confirmed', stepId, role: usable[0]! }] };

  const missing: Missing[] = [];
  for (let i = state.stepIndex; i < index; i++) {
    const earlier = steps[i]!;
    missing.push({
      kind: 'step',
      stepId: earlier.id,
      waitingOn: rolesWaitingOn(earlier, i === state.stepIndex ? state.confirmations : {}),
    });
  }
  // Nothing is recorded as done before the day it happens: a hearing is held on the date it was set for.
  const setFor = step.notBeforeDateOf ? state.stepDates?.[step.notBeforeDateOf] : undefined;
  if (step.notBeforeDateOf && setFor && (!state.today || setFor > state.today))
    missing.push({ kind: 'not_yet', stepId, dateOf: step.notBeforeDateOf, date: setFor });
  if (step.requiresEvidence)
    for (const item of evaluation.items) if (!item.ok) missing.push({ kind: 'evidence', item });
  if (step.checksBlockers) for (const blocker of evaluation.blockers) missing.push({ kind: 'blocker', blocker });
  if (missing.length) {
    if (missing.every((m) => m.kind === 'not_yet')) return { ok: false, code: 'CONFLICT', missing };
    const onlyBlockers = missing.every((m) => m.kind === 'blocker');
    return { ok: false, code: onlyBlockers ? 'BLOCKED' : 'EVIDENCE_MISSING', missing };
  }

  const completesStep = step.mode === 'any' || rolesWaitingOn(step, confirmations).every((r) => r === role);
  return { ok: true, step, role, completesStep, last: completesStep && index === steps.length - 1 };
}

/** The step a case waits on and who it waits on; null once resolved. */
export function waitingOn(policy: Policy, state: CaseState): { step: Step; roles: ActorRole[] } | null {
  if (state.status !== 'open') return null;
  const step = stepsFor(policy, state.reason)[state.stepIndex];
  return step ? { step, roles: rolesWaitingOn(step, state.confirmations) } : null;
}
