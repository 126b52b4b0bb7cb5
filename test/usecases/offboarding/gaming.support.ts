/**
 * Helpers of the gaming table (gaming.test.ts): each attempt ends in an Outcome that says whether
 * the gate refused it, the rules it named (machine names) and what the person was told (English).
 */
import { makeTestDb, type TestDb } from '../../support/db.js';
import { seedTeams, testSettings } from '../../support/org.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import type { Result } from '../../../src/usecases/result.js';
import {
  canAdvance,
  evaluateEvidence,
  resolvePolicy,
  PolicyError,
  type CaseState,
  type EvidenceFacts,
  type Policy,
  type PolicySource,
  type ReasonKind,
} from '../../../src/domain/policy/index.js';
import type { ActorRelation, Missing } from '../../../src/domain/policy/advance.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { missingLines, type GateText } from '../../../src/ui/screens/offboarding/gate-text.js';
import { NOW } from '../../domain/policy/fixtures.js';

export interface Outcome {
  refused: boolean;
  rules: string[];
  message: string;
}

const en = translator('en');

export const gateText = (policy: Policy, reason: ReasonKind, kpiNames: Record<string, string> = {}): GateText => ({
  t: en,
  locale: 'en',
  policy,
  reason,
  employee: 'Bo',
  manager: 'Wei Liu',
  kpiNames,
});

function rulesOf(missing: Missing[]): string[] {
  return missing.flatMap((m) => {
    if (m.kind === 'evidence')
      return [
        `missing:${m.item.id}`,
        ...m.item.rejected.map((r) => r.reason.rule),
        ...(m.item.awaitingResponse ? ['awaiting_response'] : []),
      ];
    if (m.kind === 'blocker')
      return [`blocker:${m.blocker.id}`, ...(m.blocker.unknown ? [`unknown_${m.blocker.unknown}`] : [])];
    if (m.kind === 'step') return [`step:${m.stepId}`];
    return [m.kind];
  });
}

/** The evidence gate of a path, as a step that needs the evidence would see it. */
export function evidenceGate(policy: Policy, facts: EvidenceFacts, reason: ReasonKind = 'performance'): Outcome {
  const e = evaluateEvidence(policy, facts, NOW, reason);
  const missing: Missing[] = e.items.filter((i) => !i.ok).map((item) => ({ kind: 'evidence', item }));
  return {
    refused: !e.complete,
    rules: rulesOf(missing),
    message: missingLines(gateText(policy, reason, e.kpiNames), missing).join('\n'),
  };
}

export const HR: ActorRelation = { personId: 'hana', isManager: false, isHr: true };

/** One click on a step, with the evidence of `facts`. */
export function stepGate(
  policy: Policy,
  facts: EvidenceFacts,
  state: Partial<CaseState> & { reason: ReasonKind },
  stepId: string,
  actor: ActorRelation,
): Outcome {
  const e = evaluateEvidence(policy, facts, NOW, state.reason);
  const d = canAdvance(policy, { status: 'open', stepIndex: 0, confirmations: {}, ...state }, stepId, actor, e);
  if (d.ok) return { refused: false, rules: [], message: '' };
  return {
    refused: true,
    rules: [d.code, ...rulesOf(d.missing)],
    message: missingLines(gateText(policy, state.reason, e.kpiNames), d.missing).join('\n'),
  };
}

/** A policy source: refused when it removes a statutory safeguard. */
export function policyGate(src: PolicySource): Outcome {
  try {
    resolvePolicy(src);
    return { refused: false, rules: [], message: '' };
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    return { refused: true, rules: ['PolicyError'], message: e.message };
  }
}

/** A use case's answer. */
export function resultGate(r: Result<unknown>): Outcome {
  if (r.ok) return { refused: false, rules: [], message: '' };
  return {
    refused: true,
    rules: [r.code, ...Object.keys(r.fieldErrors ?? {}).map((k) => `field:${k}`)],
    message: [r.message, ...Object.values(r.fieldErrors ?? {})].join('\n'),
  };
}

/** A real database with one team (Hana HR `hr`, manager `m1`, employee `m1r1`), for use-case attempts. */
export function withDb<T>(
  preset: 'cn-art40' | 'us-pip' | 'uk-capability',
  fn: (ctx: {
    db: TestDb;
    settings: AppSettings;
    deps: { store: TestDb['store']; clock: TestDb['clock']; settings: AppSettings };
  }) => T,
): T {
  const db = makeTestDb({ now: '2026-06-30T04:00:00Z' });
  try {
    const settings: AppSettings = { ...testSettings({ timezone: 'UTC' }), policy: { preset, overrides: {} } };
    seedTeams(db.store, { managers: 2, reportsPerManager: 1 });
    return fn({ db, settings, deps: { store: db.store, clock: db.clock, settings } });
  } finally {
    db.cleanup();
  }
}
