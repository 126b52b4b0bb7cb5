/**
 * Helpers the case use cases share: the effective policy, a case's state and view read from the
 * db, who the clicking person is to the case, and publishing the live case messages.
 * Use cases do not call each other; they call these.
 */
import { readFileSync } from 'node:fs';
import type { Tx, Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { Person, Locale } from '../../ports/records.js';
import type { CaseRecord } from '../../ports/repos/cases.js';
import type { AppSettings } from '../../ports/settings.js';
import { evaluateEvidence, pathFor, policySchema, resolvePolicy, type Policy } from '../../domain/policy/index.js';
import type { ActorRelation, CaseState, Missing } from '../../domain/policy/advance.js';
import type { Settlement } from '../../domain/severance.js';
import { LOCALES, translator, type T } from '../../ui/i18n/index.js';
import type { CaseView, ScreenContext } from '../../ui/screens/offboarding/view.js';
import { buildCaseMessage, buildManagerCaseDm } from '../../ui/screens/offboarding/case-message.js';
import { missingLines, stepLabelById } from '../../ui/screens/offboarding/labels.js';
import { fail, type Failure } from '../result.js';

export interface CaseDeps {
  store: Store;
  clock: Clock;
  settings: AppSettings;
}

export const rootKey = (caseId: number) => `case:${caseId}:root`;
export const managerKey = (caseId: number) => `case:${caseId}:manager`;

const policyCache = new WeakMap<AppSettings['policy'], Policy>();

/** The policy in force now: preset + custom file + overrides. Throws PolicyError on a bad config. */
export function currentPolicy(settings: AppSettings): Policy {
  const cached = policyCache.get(settings.policy);
  if (cached) return cached;
  const p = settings.policy;
  const file = p.file ? { name: p.file, text: readFileSync(p.file, 'utf8') } : undefined;
  const policy = resolvePolicy({ preset: p.preset, overrides: p.overrides, file });
  policyCache.set(settings.policy, policy);
  return policy;
}

/** A case is always evaluated against the policy it was opened under, not today's config. */
export const policyOf = (c: CaseRecord): Policy => policySchema.parse(c.policySnapshot);

export const stateOf = (c: CaseRecord): CaseState => ({
  reason: c.reasonKind,
  status: c.status,
  stepIndex: c.stepIndex,
  confirmations: c.confirmations,
});

export const isHr = (p: Person | null): boolean => !!p && (p.role === 'hr' || p.role === 'admin');

export function relationOf(actor: Person, employee: Person): ActorRelation {
  return {
    personId: actor.id,
    isManager: employee.managerId === actor.id && actor.id !== employee.id,
    isHr: isHr(actor) && actor.id !== employee.id,
  };
}

/** The reader's locale; an unknown value (a hand-edited row) falls back to English rather than throwing. */
export const localeOf = (p: Person | null, settings: AppSettings): Locale => {
  const l = p?.locale ?? settings.locale;
  return LOCALES.includes(l) ? l : 'en';
};
export const tFor = (p: Person | null, settings: AppSettings): T => translator(localeOf(p, settings));

export function caseView(tx: Tx, c: CaseRecord, now: number): CaseView {
  const policy = policyOf(c);
  const employee = tx.org.person(c.employeeId);
  const manager = employee?.managerId ? tx.org.person(employee.managerId) : null;
  const job = employee?.jobId ? tx.org.job(employee.jobId) : null;
  const facts = tx.cases.evidenceFacts(c.employeeId);
  // A resolved case keeps showing the checklist as it stood when it was resolved.
  const at = c.status === 'open' ? now : (c.closedAt ?? now);
  const events = tx.cases.events(c.id);
  const withdrawn = events.find((e) => e.outcome === 'withdrawn');
  const latestPlan = facts.trainings.length ? facts.trainings[facts.trainings.length - 1]! : null;
  return {
    id: c.id,
    reason: c.reasonKind,
    reasonText: c.reasonText,
    openedBy: c.openedBy,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    employee: { id: c.employeeId, name: employee?.name ?? c.employeeId },
    manager: manager ? { id: manager.id, name: manager.name } : null,
    job: job ? { title: job.title } : null,
    policy,
    state: stateOf(c),
    evaluation: evaluateEvidence(policy, facts, at, c.reasonKind),
    done: events
      .filter((e) => e.outcome === 'done')
      .map(({ step, actorId, at: when, detail }) => ({ step, actorId, at: when, detail })),
    settlement: (c.settlement as Settlement | null) ?? null,
    withdrawal: withdrawn
      ? { by: withdrawn.actorId, reason: String(withdrawn.detail.reason ?? ''), at: withdrawn.at }
      : null,
    latestTrainingPlanId: latestPlan?.id ?? null,
    missedKpiKeys: [...new Set(facts.reviews.filter((r) => r.belowTarget).flatMap((r) => r.missedKpiKeys))],
  };
}

export const screenContext = (locale: Locale, settings: AppSettings): ScreenContext => ({
  locale,
  timezone: settings.timezone,
});

/** Rebuilds the root message and the manager's DM and queues in-place updates of both. */
export function publishCase(tx: Tx, view: CaseView, settings: AppSettings): void {
  const locale = localeOf(null, settings);
  tx.outbox.update(
    rootKey(view.id),
    buildCaseMessage(translator(locale), screenContext(locale, settings), view),
    locale,
  );
  if (view.manager) {
    const m = tx.org.person(view.manager.id);
    const ml = localeOf(m, settings);
    tx.outbox.update(managerKey(view.id), buildManagerCaseDm(translator(ml), screenContext(ml, settings), view), ml);
  }
}

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

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const isDate = (s: string): boolean => DATE_RE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Today's calendar date in the organisation's zone. */
export function todayIn(timezone: string, now: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
