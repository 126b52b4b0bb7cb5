/**
 * May this person take this step of this case now? Both the click on a step and the opening of a
 * step's form ask here, so a refused attempt is audited the same way whichever path made it.
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

/** The gate's answer before anything is recorded: passed, a refusal to record, or nothing to judge. */
type Judgement =
  | PassedStepGate
  | { ok: false; failure: Failure }
  | {
      ok: false;
      refused: Omit<PassedStepGate, 'ok' | 'decision'> & { decision: Extract<AdvanceDecision, { ok: false }> };
    };

/** Loads the case and asks the gate; reads only. */
function judgeStep(tx: ReadTx, settings: AppSettings, now: number, input: StepRequest): Judgement {
  const actor = tx.org.person(input.actorId);
  const t = tFor(actor, settings);
  const locale = localeOf(actor, settings);
  const c = Number.isInteger(input.caseId) ? tx.cases.get(input.caseId) : null;
  if (!actor || !c) return { ok: false, failure: fail('NOT_FOUND', t('off.dossier.notFound')) };
  const employee = tx.org.person(c.employeeId);
  if (!employee) return { ok: false, failure: fail('NOT_FOUND', t('common.unknownPerson')) };
  const policy = policyOf(c);
  const evaluation = evaluateEvidence(policy, tx.cases.evidenceFacts(c.employeeId), now, c.reasonKind);
  const relation = relationOf(actor, employee);
  const state = { ...stateOf(c), stepDates: stepDatesOf(tx.cases.events(c.id)), today: dateIn(now, settings.timezone) };
  const decision = canAdvance(policy, state, input.stepId, relation, evaluation);
  if (!decision.ok) return { ok: false, refused: { actor, t, locale, c, employee, policy, decision, evaluation } };
  return { ok: true, actor, t, locale, c, employee, policy, decision, evaluation };
}

/** Loads the case and asks the gate; a refusal is audited here. */
export function passStepGate(tx: Tx, settings: AppSettings, now: number, input: StepRequest): PassedStepGate | Failure {
  const judged = judgeStep(tx, settings, now, input);
  if (judged.ok) return judged;
  if ('failure' in judged) return judged.failure;
  const { actor, t, locale, c, employee, decision, evaluation } = judged.refused;
  if (!hasPartInCase(actor, c, employee)) return refuseStranger(tx, t, now, c, actor.id, input.stepId, decision);
  return refuseAndAudit(tx, t, locale, c, actor.id, input.stepId, decision, evaluation);
}

/**
 * The same question without a record of a refusal, for what a person asks many times while a
 * step's form is open (the suggestions of a search field): the click that opened the form was
 * judged and recorded already, and the submit will be again. Any refusal is "not authorized".
 */
export function readStepGate(
  tx: ReadTx,
  settings: AppSettings,
  now: number,
  input: StepRequest,
): PassedStepGate | Failure {
  const judged = judgeStep(tx, settings, now, input);
  if (judged.ok) return judged;
  if ('failure' in judged) return judged.failure;
  return fail('NOT_AUTHORIZED', judged.refused.t('common.notAuthorized'));
}
