/**
 * A click on a case step. Authorizes from the db (the button value is untrusted), asks the gate
 * (`canAdvance`), and either refuses, listing exactly what is missing, with the state unchanged
 * and the attempt audited, or records the step, replies in the thread and updates the case
 * message in place.
 */
import { ok, fail, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { pathFor, type ActorRole } from '../../domain/policy/index.js';
import { rolesWaitingOn } from '../../domain/policy/advance.js';
import { computeSettlement, type Settlement } from '../../domain/severance.js';
import { dateIn, isIsoDate } from '../../domain/dates.js';
import { roleList, mention, stepLabel } from '../../ui/screens/offboarding/labels.js';
import { textMessage } from '../../ui/screens/offboarding/forms.js';
import { translator } from '../../ui/i18n/index.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { caseView } from './case-view.js';
import { publishCase } from './publish-case.js';
import { passStepGate } from './step-gate.js';

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

export const makeAdvanceCaseStep =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: AdvanceCaseStepInput): Result<AdvancedStep> =>
    store.tx((tx) => {
      const now = clock.now();
      const gate = passStepGate(tx, settings, now, input);
      if (!gate.ok) return gate;
      const { actor, t, locale, c, employee, policy, decision } = gate;
      const { step, role } = decision;
      const detail: Record<string, unknown> = { role };
      const today = dateIn(now, settings.timezone);
      if (step.input === 'date') {
        const date = (input.date ?? '').trim();
        if (!isIsoDate(date))
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
        key: outboxKeys.caseStep(c.id, step.id, role),
        to: { channel: settings.hrChannel },
        threadKey: outboxKeys.caseRoot(c.id),
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
