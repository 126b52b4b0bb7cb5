/**
 * Which policy a decision is made under: today's config for a new case, the snapshot taken at
 * opening for an existing one.
 */
import type { CaseRecord } from '../../ports/repos/cases.js';
import type { AppSettings } from '../../ports/settings.js';
import { policySchema, resolvePolicy, type Policy } from '../../domain/policy/index.js';

const policyCache = new WeakMap<AppSettings['policy'], Policy>();

/** The policy in force now: preset + custom file + overrides. Throws PolicyError on a bad config. */
export function currentPolicy(settings: AppSettings): Policy {
  const cached = policyCache.get(settings.policy);
  if (cached) return cached;
  const policy = resolvePolicy(settings.policy);
  policyCache.set(settings.policy, policy);
  return policy;
}

/** A case is always evaluated against the policy it was opened under, not today's config. */
export const policyOf = (c: CaseRecord): Policy => policySchema.parse(c.policySnapshot);

/** The protected-status kinds a policy knows about (the ones some blocker checks). */
export const protectedKinds = (policy: Policy): string[] => [...new Set(policy.blockers.flatMap((b) => b.statuses))];
