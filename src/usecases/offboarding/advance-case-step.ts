/**
 * A click on a case step, or the submit of a step's form. Authorizes from the db (the button value
 * is untrusted), asks the gate (`canAdvance`), and either refuses, in plain words, with the state
 * unchanged and the attempt audited, or records the step (with what a blocker check looked at),
 * replies in the thread and updates the case message in place.
 */
import { ok, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { checkBlockers, pathFor, type ActorRole } from '../../domain/policy/index.js';
import { rolesWaitingOn } from '../../domain/policy/advance.js';
import { computeSettlement, type Settlement } from '../../domain/settlement.js';
import { dateIn } from '../../domain/dates.js';
import { roleList, mention, stepLabel, blockerLabel } from '../../ui/screens/offboarding/labels.js';
import { textMessage } from '../../ui/screens/offboarding/forms.js';
import { releaseItems } from '../../ui/screens/offboarding/settlement.js';
import { translator } from '../../ui/i18n/index.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { caseView } from './case-view.js';
import { publishCase } from './publish-case.js';
import { passStepGate } from './step-gate.js';
import { readStepValues, type StepValues } from './step-inputs.js';
import { literal } from '../../ui/markup.js';
import { hrChannelLocale } from '../shared/channels.js';

export interface AdvanceCaseStepInput extends StepValues {
  actorId: string;
  caseId: number;
  stepId: string;
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
      const today = dateIn(now, settings.timezone);
      const facts = tx.cases.evidenceFacts(c.employeeId);
      const read = readStepValues(tx, t, { step, c, employee, facts, today }, input);
      if ('ok' in read) return read;
      const detail: Record<string, unknown> = { role, ...read.detail };
      const path = pathFor(policy, c.reasonKind);
      const hrLocale = hrChannelLocale(tx, settings);
      const ht = translator(hrLocale);
      // The record of a blocker check says what was checked, not only that someone clicked.
      if (step.checksBlockers)
        detail.checked = checkBlockers(policy, facts, now).map((b) => ({
          id: b.id,
          result: b.result,
          ...(b.derived
            ? { serviceYears: b.derived.serviceYears, retirement: b.derived.retirement?.date ?? null }
            : {}),
        }));

      let settlement: Settlement | null = null;
      if (step.input === 'notice' || step.input === 'release') {
        // An agreed exit (Art. 36) ends on the agreed date: no notice period; N only if the employer proposed.
        settlement = computeSettlement(path, {
          noticeDate: today,
          hireDate: employee.hireDate,
          monthlyWage: employee.monthlyWage,
          previousMonthWage: read.previousMonthWage,
          localAverageMonthlyWage: settings.severance.localAverageMonthlyWage ?? null,
          localMinimumMonthlyWage: settings.severance.localMinimumMonthlyWage ?? null,
          payInLieu: read.payInLieu,
          currency: settings.severance.currency,
          ...(read.release ? { release: read.release } : {}),
        });
        detail.payInLieu = settlement.notice.payInLieu;
        detail.lastDay = settlement.notice.lastDay;
      }

      // Labels are plain text (also in the dossier); in the thread's markup they are literal.
      const label = literal(stepLabel(ht, hrLocale, step));
      let reply: string;
      if (decision.completesStep) {
        const overturned = read.appeal === 'overturned';
        const closing = decision.last || overturned;
        tx.cases.update(c.id, {
          stepIndex: c.stepIndex + 1,
          confirmations: {},
          ...(settlement ? { settlement } : {}),
          ...(closing ? { status: overturned ? ('withdrawn' as const) : ('closed' as const), closedAt: now } : {}),
        });
        tx.cases.addEvent({
          caseId: c.id,
          step: step.id,
          actorId: actor.id,
          outcome: 'done',
          detail: { ...detail, confirmedBy: { ...c.confirmations, [role]: actor.id } },
        });
        if (overturned)
          tx.cases.addEvent({
            caseId: c.id,
            step: 'withdrawn',
            actorId: actor.id,
            outcome: 'withdrawn',
            detail: { reason: ht('off.appeal.overturned') },
          });
        tx.audit.record({
          actorId: actor.id,
          action: overturned ? 'case.withdrawn' : closing ? 'case.closed' : 'case.step_done',
          subjectType: 'case',
          subjectId: c.id,
          detail: { step: step.id, ...detail },
        });
        const who = [...new Set([...Object.values(c.confirmations), actor.id])]
          .filter((x): x is string => !!x)
          .map(mention)
          .join(ht('gate.listSep'));
        reply = ht('off.thread.stepDone', { step: label, who });
        if (detail.date) reply += ` ${ht('off.thread.date', { date: String(detail.date) })}`;
        if (read.appeal) reply += ` ${ht('off.thread.appeal', { outcome: ht(`off.appeal.${read.appeal}`) })}`;
        if (step.checksBlockers)
          reply += ` ${ht('off.thread.checked', { checked: literal(policy.blockers.map((b) => blockerLabel(ht, hrLocale, policy, b.id)).join(ht('common.listSep'))) })}`;
        if (read.release)
          reply += ` ${ht('off.thread.release', { items: literal(releaseItems(ht, read.release.lines)) })}`;
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
      const mine = literal(stepLabel(t, locale, step));
      return ok({
        completed: decision.completesStep,
        status: updated.status,
        confirmation: decision.completesStep
          ? t('off.step.ok', { step: mine })
          : t('off.step.partialOk', { step: mine }),
      });
    });
