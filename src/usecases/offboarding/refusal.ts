/** What the gate refused, said twice: to the actor (every missing thing) and to the audit log (compact). */
import type { Locale } from '../../ports/records.js';
import type { CaseRecord } from '../../ports/repos/cases.js';
import { pathFor } from '../../domain/policy/index.js';
import type { Missing } from '../../domain/policy/advance.js';
import type { T } from '../../ui/i18n/index.js';
import { missingLines, stepLabelById } from '../../ui/screens/offboarding/labels.js';
import { fail, type Failure } from '../result.js';
import { policyOf } from './policy.js';

/** A refusal the actor can act on: every missing thing, one per line. */
export function refusal(
  t: T,
  locale: Locale,
  c: CaseRecord,
  stepId: string,
  code: Failure['code'],
  missing: Missing[],
): Failure {
  const policy = policyOf(c);
  const path = pathFor(policy, c.reasonKind);
  const lines = missingLines(t, locale, policy, path.steps, path.evidence, missing);
  const header = t('off.refused', { step: stepLabelById(t, locale, path.steps, stepId) });
  return fail(code, [header, ...lines.map((l) => `• ${l}`)].join('\n'), { detail: missing });
}

/** A compact, stable record of what was missing, for the audit row of a refused attempt. */
export const missingSummary = (missing: Missing[]): string[] =>
  missing.map((m) => {
    switch (m.kind) {
      case 'evidence':
        return `evidence:${m.item.id}:${m.item.found}/${m.item.required}`;
      case 'step':
        return `step:${m.stepId}`;
      case 'actor':
        return `actor:${m.need.join('|')}`;
      case 'blocker':
        return `blocker:${m.blocker.id}:${m.blocker.statusKind}`;
      case 'already_done':
      case 'unknown_step':
        return `${m.kind}:${m.stepId}`;
      case 'already_confirmed':
        return `${m.kind}:${m.role}`;
      case 'case_closed':
        return m.kind;
    }
  });
