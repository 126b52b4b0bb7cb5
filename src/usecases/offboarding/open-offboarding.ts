/**
 * `/offboard @person [reason]`: opens a dismissal case. HR or the person's own manager may open
 * one. The case stores the policy (id, version, full snapshot) in force, posts its root message in
 * the HR channel, DMs the manager what is missing, and explains Guiding Case No. 18 in the thread
 * when the reason cites only a ranking.
 */
import { ok, fail, type Result } from '../result.js';
import { evaluateEvidence, pathFor, type ReasonKind } from '../../domain/policy/index.js';
import { citesOnlyRanking } from '../../domain/ranking.js';
import { buildCaseMessage, buildManagerCaseDm } from '../../ui/screens/offboarding/case-message.js';
import { blockerLine, type GateText } from '../../ui/screens/offboarding/gate-text.js';
import { pathLabel } from '../../ui/screens/offboarding/labels.js';
import { buildRankingExplanation } from '../../ui/screens/offboarding/forms.js';
import { translator } from '../../ui/i18n/index.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { isHr } from '../../domain/people.js';
import { localeOf, tFor } from '../shared/people.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { currentPolicy } from './policy.js';
import { caseView, screenContext } from './case-view.js';
import { literal } from '../../ui/markup.js';
import { textError } from '../shared/text-errors.js';
import { hrChannelLocale } from '../shared/channels.js';

export interface OpenOffboardingInput {
  actorId: string;
  employeeId: string | undefined;
  reasonKind: ReasonKind;
  reasonText: string;
}

export interface OpenedCase {
  caseId: number;
  employeeName: string;
  missing: number;
  confirmation: string;
}

export const makeOpenOffboarding =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: OpenOffboardingInput): Result<OpenedCase> =>
    store.tx((tx) => {
      const actor = tx.org.person(input.actorId);
      const t = tFor(actor, settings);
      if (!actor) return fail('NOT_AUTHORIZED', t('common.notAuthorized'));
      if (!input.employeeId) return fail('INVALID_INPUT', t('off.open.usage'));
      const employee = tx.org.person(input.employeeId);
      if (!employee || !employee.active) return fail('NOT_FOUND', t('common.unknownPerson'));
      const now = clock.now();

      const policy = currentPolicy(settings);
      const path = pathFor(policy, input.reasonKind);
      const locale = localeOf(actor, settings);
      // The path says who may open it: a misconduct case is HR's to open, never the manager's alone.
      const mayOpen =
        employee.id !== actor.id &&
        ((path.openedBy.includes('hr') && isHr(actor)) ||
          (path.openedBy.includes('manager') && employee.managerId === actor.id));
      if (!mayOpen) {
        tx.audit.record({
          actorId: actor.id,
          action: 'case.open_refused',
          subjectType: 'person',
          subjectId: employee.id,
          detail: { reason: 'not_authorized', reasonKind: input.reasonKind },
        });
        return fail(
          'NOT_AUTHORIZED',
          path.openedBy.includes('manager')
            ? t('off.open.notAuthorized', { name: employee.name })
            : t('off.open.hrOnly', { path: pathLabel(t, locale, policy, input.reasonKind), name: employee.name }),
        );
      }
      // The reason is typed after the command: one free text, held to the same limit as a form's.
      const reasonError = textError(t, input.reasonText, 'long');
      if (reasonError) return fail('INVALID_INPUT', reasonError);
      const existing = tx.cases.open(employee.id)[0];
      if (existing) return fail('CONFLICT', t('off.open.alreadyOpen', { id: existing.id, name: employee.name }));

      const facts = tx.cases.evidenceFacts(employee.id);
      const evaluation = evaluateEvidence(policy, facts, now, input.reasonKind);
      // A status that cannot be ruled out yet (a missing birth date) does not stop the opening; the
      // blocker-checking steps refuse until it is on record.
      const inForce = evaluation.blockers.filter((b) => !b.unknown);
      if (path.blockersAtOpen && inForce.length) {
        tx.audit.record({
          actorId: actor.id,
          action: 'case.open_refused',
          subjectType: 'person',
          subjectId: employee.id,
          detail: { reason: 'blocked', blockers: inForce.map((b) => `${b.id}:${b.statusKind}`) },
        });
        const manager = employee.managerId ? tx.org.person(employee.managerId) : null;
        const g: GateText = {
          t,
          locale,
          policy,
          reason: input.reasonKind,
          employee: employee.name,
          manager: manager?.name ?? null,
          kpiNames: evaluation.kpiNames,
        };
        const lines = inForce.map((b) => `• ${literal(blockerLine(g, b))}`);
        return fail('BLOCKED', [t('off.open.blocked', { name: literal(employee.name) }), ...lines].join('\n'), {
          detail: inForce,
        });
      }

      const created = tx.cases.create({
        employeeId: employee.id,
        openedBy: actor.id,
        reasonKind: input.reasonKind,
        reasonText: input.reasonText.trim(),
        policyId: policy.id,
        policyVersion: policy.version,
        policySnapshot: policy,
      });
      tx.cases.addEvent({
        caseId: created.id,
        step: 'opened',
        actorId: actor.id,
        outcome: 'note',
        detail: { reasonKind: input.reasonKind, reasonText: created.reasonText },
      });
      tx.audit.record({
        actorId: actor.id,
        action: 'case.opened',
        subjectType: 'case',
        subjectId: created.id,
        detail: {
          employeeId: employee.id,
          reasonKind: input.reasonKind,
          policy: `${policy.id}@${policy.version}`,
          missing: evaluation.items.filter((i) => !i.ok).map((i) => i.id),
        },
        ...(created.reasonText ? { text: { reasonText: created.reasonText } } : {}),
      });

      const view = caseView(tx, created, now);
      const hrLocale = hrChannelLocale(tx, settings);
      tx.outbox.post({
        key: outboxKeys.caseRoot(created.id),
        to: { channel: settings.hrChannel },
        locale: hrLocale,
        message: buildCaseMessage(translator(hrLocale), screenContext(hrLocale, settings), view),
      });
      const manager = employee.managerId ? tx.org.person(employee.managerId) : null;
      if (manager) {
        const ml = localeOf(manager, settings);
        tx.outbox.post({
          key: outboxKeys.caseManager(created.id),
          to: { person: manager.id },
          locale: ml,
          message: buildManagerCaseDm(translator(ml), screenContext(ml, settings), view),
        });
      }
      if (citesOnlyRanking(created.reasonText)) {
        tx.outbox.post({
          key: outboxKeys.caseRanking(created.id),
          to: { channel: settings.hrChannel },
          threadKey: outboxKeys.caseRoot(created.id),
          locale: hrLocale,
          message: buildRankingExplanation(translator(hrLocale), employee, [
            ...new Set(facts.reviews.filter((r) => r.belowTarget).flatMap((r) => r.missedKpiKeys)),
          ]),
        });
      }

      const missing = evaluation.items.filter((i) => !i.ok).length;
      const confirmation = [
        t('off.open.ok', { id: created.id, name: literal(employee.name) }),
        ...(missing ? [t('off.open.evidenceMissing', { n: missing })] : []),
      ].join(t('common.sentenceSep'));
      return ok({ caseId: created.id, employeeName: employee.name, missing, confirmation });
    });
