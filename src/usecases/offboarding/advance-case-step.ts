/**
 * A click on a case step. Authorizes from the db (the button value is untrusted), asks the gate
 * (`canAdvance`), and either refuses, listing exactly what is missing, with the state unchanged
 * and the attempt audited, or records the step, replies in the thread and updates the case
 * message in place.
 */
import { ok, fail, type Failure, type Result } from '../result.js';
import type { Tx } from '../../ports/store.js';
import type { Locale } from '../../ports/records.js';
import type { CaseRecord } from '../../ports/repos/cases.js';
import type { T } from '../../ui/i18n/index.js';
import { evaluateEvidence, pathFor, type ActorRole } from '../../domain/policy/index.js';
import { canAdvance, rolesWaitingOn, type AdvanceDecision } from '../../domain/policy/advance.js';
import { computeSettlement, type Settlement } from '../../domain/severance.js';
import { roleList, mention, stepLabel } from '../../ui/screens/offboarding/labels.js';
import { buildStepForm, textMessage } from '../../ui/screens/offboarding/forms.js';
import type { Form } from '../../ui/model.js';
import { translator } from '../../ui/i18n/index.js';
import {
  caseView,
  isDate,
  localeOf,
  missingSummary,
  policyOf,
  publishCase,
  refusal,
  relationOf,
  rootKey,
  stateOf,
  tFor,
  todayIn,
  type CaseDeps,
} from './case-support.js';

/** A refused click changes nothing but the record of the attempt: an audit row and a timeline entry. */
function refuseAndAudit(
  tx: Tx,
  t: T,
  locale: Locale,
  c: CaseRecord,
  actorId: string,
  stepId: string,
  decision: Extract<AdvanceDecision, { ok: false }>,
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
  return refusal(t, locale, c, stepId, decision.code, decision.missing);
}

export interface AdvanceCaseStepInput {
  actorId: string;
  caseId: number;
  stepId: string;
  /** Notice step: pay one month's wage in lieu instead of working the notice period. */
  payInLieu?: boolean;
  /** Steps that record a date (union notified, hearing invitation). */
  date?: string;
  /** Release step (Art. 36): the itemised release and the "nothing was coerced" confirmation. */
  release?: string;
  noCoercion?: boolean;
}

export interface AdvancedStep {
  /** False when this click recorded one attendee of a step everyone must confirm. */
  completed: boolean;
  status: 'open' | 'closed' | 'withdrawn';
  confirmation: string;
}

/**
 * Loads the case and asks the gate whether this person may take this step now. A refusal is
 * audited here, so every caller (the click, the step form) records refused attempts the same way.
 */
function passGate(
  tx: Tx,
  settings: CaseDeps['settings'],
  now: number,
  input: { actorId: string; caseId: number; stepId: string },
) {
  const actor = tx.org.person(input.actorId);
  const t = tFor(actor, settings);
  const locale = localeOf(actor, settings);
  const c = Number.isInteger(input.caseId) ? tx.cases.get(input.caseId) : null;
  if (!actor || !c) return fail('NOT_FOUND', t('off.dossier.notFound'));
  const employee = tx.org.person(c.employeeId);
  if (!employee) return fail('NOT_FOUND', t('common.unknownPerson'));
  const policy = policyOf(c);
  const evaluation = evaluateEvidence(policy, tx.cases.evidenceFacts(c.employeeId), now, c.reasonKind);
  const decision = canAdvance(policy, stateOf(c), input.stepId, relationOf(actor, employee), evaluation);
  if (!decision.ok) return refuseAndAudit(tx, t, locale, c, actor.id, input.stepId, decision);
  return { ok: true as const, actor, t, locale, c, employee, policy, decision };
}

export const makeAdvanceCaseStep =
  ({ store, clock, settings }: CaseDeps) =>
  (input: AdvanceCaseStepInput): Result<AdvancedStep> =>
    store.tx((tx) => {
      const now = clock.now();
      const gate = passGate(tx, settings, now, input);
      if (!gate.ok) return gate;
      const { actor, t, locale, c, employee, policy, decision } = gate;
      const { step, role } = decision;
      const detail: Record<string, unknown> = { role };
      const today = todayIn(settings.timezone, now);
      if (step.input === 'date') {
        const date = (input.date ?? '').trim();
        if (!isDate(date))
          return fail('INVALID_INPUT', t('off.stepForm.badDate'), { fieldErrors: { date: t('off.stepForm.badDate') } });
        detail.date = date;
      }
      if (step.input === 'release') {
        const release = (input.release ?? '').trim();
        const errors: Record<string, string> = {};
        if (!release) errors.release = t('common.required');
        if (input.noCoercion !== true) errors.no_coercion = t('off.stepForm.mustConfirm');
        if (Object.keys(errors).length) return fail('INVALID_INPUT', t('common.invalidInput'), { fieldErrors: errors });
        detail.release = release
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        detail.noCoercion = true;
      }
      let settlement: Settlement | null = null;
      if (step.input === 'notice' || step.input === 'release') {
        // An agreed exit (Art. 36) ends on the agreed date: no notice period, but N is still owed.
        const rules =
          step.input === 'release' ? { notice: { kind: 'none' as const }, severance: policy.severance } : policy;
        settlement = computeSettlement(rules, {
          noticeDate: today,
          hireDate: employee.hireDate,
          monthlyWage: employee.monthlyWage,
          localAverageMonthlyWage: settings.severance.localAverageMonthlyWage ?? null,
          payInLieu: step.input === 'notice' && input.payInLieu === true,
          currency: settings.severance.currency,
        });
        detail.payInLieu = settlement.notice.payInLieu;
        detail.lastDay = settlement.notice.lastDay;
      }

      const steps = pathFor(policy, c.reasonKind).steps;
      const hrLocale = settings.locale;
      const ht = translator(hrLocale);
      const label = stepLabel(ht, hrLocale, step);
      let reply: string;
      if (decision.completesStep) {
        const closing = decision.last;
        tx.cases.update(c.id, {
          stepIndex: c.stepIndex + 1,
          confirmations: {},
          ...(settlement ? { settlement } : {}),
          ...(closing ? { status: 'closed' as const, closedAt: now } : {}),
        });
        tx.cases.addEvent({
          caseId: c.id,
          step: step.id,
          actorId: actor.id,
          outcome: 'done',
          detail: { ...detail, confirmedBy: { ...c.confirmations, [role]: actor.id } },
        });
        tx.audit.record({
          actorId: actor.id,
          action: closing ? 'case.closed' : 'case.step_done',
          subjectType: 'case',
          subjectId: c.id,
          detail: { step: step.id, ...detail },
        });
        const who = [...new Set([...Object.values(c.confirmations), actor.id])]
          .filter((x): x is string => !!x)
          .map(mention)
          .join(', ');
        reply = ht('off.thread.stepDone', { step: label, who });
        if (detail.date) reply += ` ${ht('off.thread.date', { date: String(detail.date) })}`;
        if (detail.release) reply += ` ${ht('off.thread.release', { items: (detail.release as string[]).join('; ') })}`;
      } else {
        const confirmations = { ...c.confirmations, [role]: actor.id } as Partial<Record<ActorRole, string>>;
        tx.cases.update(c.id, { confirmations });
        tx.cases.addEvent({
          caseId: c.id,
          step: step.id,
          actorId: actor.id,
          outcome: 'note',
          detail: { ...detail, attendance: true },
        });
        tx.audit.record({
          actorId: actor.id,
          action: 'case.step_confirmed',
          subjectType: 'case',
          subjectId: c.id,
          detail: { step: step.id, role },
        });
        reply = ht('off.thread.partial', {
          step: label,
          who: mention(actor.id),
          waiting: roleList(ht, rolesWaitingOn(step, confirmations)),
        });
      }
      tx.outbox.post({
        key: `case:${c.id}:step:${step.id}:${role}`,
        to: { channel: settings.hrChannel },
        threadKey: rootKey(c.id),
        locale: hrLocale,
        message: textMessage(reply),
      });

      const updated = tx.cases.get(c.id)!;
      publishCase(tx, caseView(tx, updated, now), settings);
      const mine = stepLabel(t, locale, steps.find((s) => s.id === step.id) ?? step);
      return ok({
        completed: decision.completesStep,
        status: updated.status,
        confirmation: decision.completesStep
          ? t('off.step.ok', { step: mine })
          : t('off.step.partialOk', { step: mine }),
      });
    });

/**
 * A click on a step that records a date or a release opens its form, but only if the gate would
 * let this person complete it now; otherwise the click is refused and audited like any other.
 */
export const makeOpenCaseStepForm =
  ({ store, clock, settings }: CaseDeps) =>
  (input: { actorId: string; caseId: number; stepId: string }): Result<Form> =>
    store.tx((tx) => {
      const now = clock.now();
      const gate = passGate(tx, settings, now, input);
      if (!gate.ok) return gate;
      return ok(buildStepForm(gate.t, gate.locale, gate.c.id, gate.decision.step, todayIn(settings.timezone, now)));
    });
