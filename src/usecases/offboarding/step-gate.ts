/**
 * May this person take this step of this case now? Both the click on a step and the opening of a
 * step's form ask here, so both answer with the same words.
 *
 * Only an attempt to *take* the step is recorded when refused (`passStepGate`: a click on a step, or
 * the submit of its form): an attempt to move a dismissal case is part of how the case ran, so it
 * goes into the case's timeline and audit history (or, for someone with no part in the case, the
 * security log). Opening a step's form (`askStepGate`) only asks: it takes nothing, so a refusal
 * to open the form is not evidence of anything and writes nothing; the submit would be refused
 * and recorded like any click.
 */
import type { ReadTx, Tx } from '../../ports/store.js';
import type { Locale, Person } from '../../ports/records.js';
import type { CaseRecord } from '../../ports/repos/cases.js';
import type { AppSettings } from '../../ports/settings.js';
import type { T } from '../../ui/i18n/index.js';
import { evaluateEvidence, type Evaluation, type Policy } from '../../domain/policy/index.js';
import { canAdvance, type AdvanceDecision } from '../../domain/policy/advance.js';
import { fail, type Failure } from '../result.js';
import { localeOf, tFor } from '../shared/people.js';
import { policyOf } from './policy.js';
import { hasPartInCase, relationOf, stateOf, stepDatesOf } from './gate-inputs.js';
import { dateIn } from '../../domain/dates.js';
import { gateTextFor, missingSummary, refusal } from './refusal.js';
import { logSecurityRefusal } from '../shared/security-log.js';

export interface StepRequest {
  actorId: string;
  caseId: number;
  stepId: string;
}

/** What a passed gate hands on: the actor, their language, the case and the gate's decision. */
export interface PassedStepGate {
  ok: true;
  actor: Person;
  t: T;
  locale: Locale;
  c: CaseRecord;
  employee: Person;
  policy: Policy;
  decision: Extract<AdvanceDecision, { ok: true }>;
  evaluation: Evaluation;
}

/** A refused click changes nothing but the record of the attempt: an audit row and a timeline entry. */
function refuseAndAudit(
  tx: Tx,
  t: T,
  locale: Locale,
  c: CaseRecord,
  actorId: string,
  stepId: string,
  decision: Extract<AdvanceDecision, { ok: false }>,
  evaluation: Evaluation,
): Failure {
  const summary = missingSummary(decision.missing);
  tx.audit.record({
    actorId,
    action: 'case.step_refused',
    subjectType: 'case',
    subjectId: c.id,
    detail: { step: stepId, code: decision.code, missing: summary },
  });
  tx.cases.addEvent({
    caseId: c.id,
    step: stepId,
    actorId,
    outcome: 'refused',
    detail: { code: decision.code, missing: summary },
  });
  return refusal(gateTextFor(tx, t, locale, c, evaluation), stepId, decision.code, decision.missing);
}

/**
 * Someone with no part in the case named it (a tampered or forwarded button). The attempt goes to the
 * security log, rate limited, and not into the case's timeline, audit history or dossier; the
 * answer tells them nothing about the case.
 */
function refuseStranger(
  tx: Tx,
  t: T,
  now: number,
  c: CaseRecord,
  actorId: string,
  stepId: string,
  decision: Extract<AdvanceDecision, { ok: false }>,
): Failure {
  logSecurityRefusal(tx, now, {
    actorId,
    action: 'case.step_refused',
    detail: { caseId: c.id, step: stepId, code: decision.code },
  });
  return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
}

/** What a refusing gate hands on, so the caller can answer and, for an attempt, record it. */
interface RefusedStepGate {
  ok: false;
  refused: true;
  actor: Person;
  t: T;
  locale: Locale;
  c: CaseRecord;
  /** The actor has a part in the case (HR, the employee, their managers): the case's own history. */
  party: boolean;
  decision: Extract<AdvanceDecision, { ok: false }>;
  evaluation: Evaluation;
}

/** Loads the case and asks the gate, writing nothing. */
function judge(
  tx: ReadTx,
  settings: AppSettings,
  now: number,
  input: StepRequest,
): PassedStepGate | RefusedStepGate | Failure {
  const actor = tx.org.person(input.actorId);
  const t = tFor(actor, settings);
  const locale = localeOf(actor, settings);
  const c = Number.isInteger(input.caseId) ? tx.cases.get(input.caseId) : null;
  if (!actor || !c) return fail('NOT_FOUND', t('off.dossier.notFound'));
  const employee = tx.org.person(c.employeeId);
  if (!employee) return fail('NOT_FOUND', t('common.unknownPerson'));
  const policy = policyOf(c);
  const evaluation = evaluateEvidence(policy, tx.cases.evidenceFacts(c.employeeId), now, c.reasonKind);
  const relation = relationOf(actor, employee);
  const state = { ...stateOf(c), stepDates: stepDatesOf(tx.cases.events(c.id)), today: dateIn(now, settings.timezone) };
  const decision = canAdvance(policy, state, input.stepId, relation, evaluation);
  if (!decision.ok)
    return {
      ok: false,
      refused: true,
      actor,
      t,
      locale,
      c,
      party: hasPartInCase(actor, c, employee),
      decision,
      evaluation,
    };
  return { ok: true, actor, t, locale, c, employee, policy, decision, evaluation };
}

/** An attempt to take the step (a click on it, or its form submitted): a refusal is recorded here. */
export function passStepGate(tx: Tx, settings: AppSettings, now: number, input: StepRequest): PassedStepGate | Failure {
  const gate = judge(tx, settings, now, input);
  if (gate.ok || !('refused' in gate)) return gate;
  const { t, locale, c, actor, decision, evaluation } = gate;
  if (!gate.party) return refuseStranger(tx, t, now, c, actor.id, input.stepId, decision);
  return refuseAndAudit(tx, t, locale, c, actor.id, input.stepId, decision, evaluation);
}

/**
 * Whether the step's form may open now: the same answer as `passStepGate`, in the same words, and
 * nothing written (see the top of this file).
 */
export function askStepGate(
  tx: ReadTx,
  settings: AppSettings,
  now: number,
  input: StepRequest,
): PassedStepGate | Failure {
  const gate = judge(tx, settings, now, input);
  if (gate.ok || !('refused' in gate)) return gate;
  const { t, locale, c, decision, evaluation } = gate;
  // Someone with no part in the case learns nothing about it, as on a click.
  if (!gate.party) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
  return refusal(gateTextFor(tx, t, locale, c, evaluation), input.stepId, decision.code, decision.missing);
}
