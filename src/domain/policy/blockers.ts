/**
 * Protected statuses (POLICIES.md "Blockers"): the ones HR records (pregnancy, a complaint…) and
 * the ones derived from the person's record (Art. 42(5): 15 years' service and near retirement).
 * Checked when a case opens, at every step that checks blockers, and at close.
 */
import { addMonths, fullYearsBetween, utcDate, addDays } from '../dates.js';
import type { Blocker, Policy } from './schema.js';
import type { EvidenceFacts } from './facts.js';
import { statutoryRetirement, type RetirementAge } from './retirement.js';

export interface DerivedStatus {
  serviceYears: number;
  retirement: RetirementAge | null;
}

export interface BlockerEvaluation {
  id: string;
  statusKind: string;
  /** The recorded status; null for a derived one. */
  statusId: number | null;
  since: string;
  until: string | null;
  derived?: DerivedStatus;
  /**
   * A derived status that cannot be ruled out because a date is missing. It does not stop a case
   * from opening, but a step that checks blockers cannot pass until the date is on record.
   */
  unknown?: 'hire_date' | 'birth_date';
}

/** What a blocker check looked at, kept on the step's record ("the Art. 42 check records what was checked"). */
export interface BlockerCheck {
  id: string;
  statuses: string[];
  result: 'clear' | 'in_force' | 'unknown';
  derived?: DerivedStatus;
}

function derivedStatus(b: Blocker, facts: EvidenceFacts, today: string): BlockerEvaluation | 'clear' {
  const d = b.derive!;
  const kind = b.statuses[0]!;
  const base = { id: b.id, statusKind: kind, statusId: null, until: null } as const;
  const hire = facts.person?.hireDate ?? null;
  if (!hire) return { ...base, since: today, unknown: 'hire_date' };
  const serviceYears = fullYearsBetween(hire, today);
  if (serviceYears < d.minServiceYears) return 'clear';
  const birth = facts.person?.birthDate ?? null;
  if (!birth) return { ...base, since: today, unknown: 'birth_date', derived: { serviceYears, retirement: null } };
  const retirement = statutoryRetirement(birth, facts.person?.retirementBasis ?? null);
  const nearFrom = addMonths(retirement.date, -12 * d.withinYears);
  if (today < nearFrom) return 'clear';
  const serviceFrom = addMonths(hire, 12 * d.minServiceYears);
  return {
    ...base,
    since: nearFrom > serviceFrom ? nearFrom : serviceFrom,
    derived: { serviceYears, retirement },
  };
}

/** Protected statuses in force on the day of `now` (or recently ended, for "recent" risks). */
export function evaluateBlockers(policy: Policy, facts: EvidenceFacts, now: number): BlockerEvaluation[] {
  const today = utcDate(now);
  const out: BlockerEvaluation[] = [];
  for (const b of policy.blockers) {
    if (b.derive) {
      const d = derivedStatus(b, facts, today);
      if (d !== 'clear') out.push(d);
    }
    for (const s of facts.protectedStatuses) {
      if (!b.statuses.includes(s.kind) || s.startsOn > today) continue;
      const until = s.endsOn ? addDays(s.endsOn, b.recentDays) : null;
      if (until && until < today) continue;
      out.push({ id: b.id, statusKind: s.kind, statusId: s.id, since: s.startsOn, until: s.endsOn });
    }
  }
  return out;
}

/** Every blocker of the policy with its result, for the record of a check. */
export function checkBlockers(policy: Policy, facts: EvidenceFacts, now: number): BlockerCheck[] {
  const found = evaluateBlockers(policy, facts, now);
  return policy.blockers.map((b) => {
    const hits = found.filter((f) => f.id === b.id);
    const derived = b.derive
      ? (hits.find((h) => h.derived)?.derived ??
        (facts.person?.hireDate
          ? { serviceYears: fullYearsBetween(facts.person.hireDate, utcDate(now)), retirement: null }
          : undefined))
      : undefined;
    const result = hits.some((h) => !h.unknown) ? 'in_force' : hits.length ? 'unknown' : 'clear';
    return { id: b.id, statuses: b.statuses, result, ...(derived ? { derived } : {}) };
  });
}
