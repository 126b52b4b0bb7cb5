/** What the gate refused, said twice: to the actor (in plain words) and to the audit log (compact). */
import type { ReadTx } from '../../ports/store.js';
import type { Locale } from '../../ports/records.js';
import type { CaseRecord } from '../../ports/repos/cases.js';
import { pathFor, type Evaluation } from '../../domain/policy/index.js';
import type { Missing } from '../../domain/policy/advance.js';
import type { T } from '../../ui/i18n/index.js';
import { stepLabelById } from '../../ui/screens/offboarding/labels.js';
import { missingLines, type GateText } from '../../ui/screens/offboarding/gate-text.js';
import { fail, type Failure } from '../result.js';
import { policyOf } from './policy.js';
import { literal } from '../../ui/markup.js';

/** The names the gate's sentences use, read from the db. */
export function gateTextFor(tx: ReadTx, t: T, locale: Locale, c: CaseRecord, evaluation: Evaluation): GateText {
  const employee = tx.org.person(c.employeeId);
  const manager = employee?.managerId ? tx.org.person(employee.managerId) : null;
  return {
    t,
    locale,
    policy: policyOf(c),
    reason: c.reasonKind,
    employee: employee?.name ?? c.employeeId,
    manager: manager?.name ?? null,
    kpiNames: evaluation.kpiNames,
  };
}

/**
 * A refusal the actor can act on. A permission refusal or a conflict is one plain sentence; a step
 * that is not ready yet lists every missing thing and who must supply it.
 */
export function refusal(g: GateText, stepId: string, code: Failure['code'], missing: Missing[]): Failure {
  // The gate's sentences are plain text; a refusal is message markup.
  const lines = missingLines(g, missing).map(literal);
  if (code === 'NOT_AUTHORIZED' || code === 'CONFLICT') return fail(code, lines.join('\n'), { detail: missing });
  const steps = pathFor(g.policy, g.reason).steps;
  const header = g.t('gate.cannot', { step: literal(stepLabelById(g.t, g.locale, steps, stepId)) });
  return fail(code, [header, ...lines.map((l) => `• ${l}`)].join('\n'), { detail: missing });
}

/** A compact, stable record of what was missing, for the audit row of a refused attempt. */
export const missingSummary = (missing: Missing[]): string[] =>
  missing.map((m) => {
    switch (m.kind) {
      case 'evidence':
        return `evidence:${m.item.id}:${m.item.found}/${m.item.required}${m.item.rejected.length ? `:${[...new Set(m.item.rejected.map((r) => r.reason.rule))].join('|')}` : ''}`;
      case 'step':
        return `step:${m.stepId}`;
      case 'not_yet':
        return `not_yet:${m.dateOf}:${m.date}`;
      case 'actor':
        return `actor:${m.need.join('|')}`;
      case 'blocker':
        return `blocker:${m.blocker.id}:${m.blocker.unknown ? `unknown_${m.blocker.unknown}` : m.blocker.statusKind}`;
      case 'already_done':
      case 'unknown_step':
      case 'not_independent':
        return `${m.kind}:${m.stepId}`;
      case 'same_person':
        return `${m.kind}:${m.need.join('|')}`;
      case 'already_confirmed':
        return `${m.kind}:${m.role}`;
      case 'case_closed':
        return m.kind;
    }
  });
