/**
 * The statutory floor (POLICIES.md "Statutory safeguards are not configurable"). A preset marks the
 * elements the law requires with `statutory` (its basis). A config override or a custom policy may
 * add requirements and tighten numbers, but never remove or loosen one of those elements: the
 * policy is refused, with a line per safeguard, and the app does not start.
 */
import { REASON_KINDS, pathFor, type Conditions, type EvidenceItem, type Policy, type Step } from './schema.js';

/** Conditions that, once required by the law, must stay required. */
const KEPT_TRUE: (keyof Conditions)[] = [
  'acknowledged',
  'sameKpis',
  'kpisKnownFirst',
  'targetsMissedKpis',
  'performanceReason',
  'hearing',
  'statesDismissalRisk',
];

function itemLoosened(floor: EvidenceItem, got: EvidenceItem | undefined): string | null {
  if (!got || got.kind !== floor.kind) return 'is removed';
  const f = floor.conditions;
  const g = got.conditions;
  for (const k of KEPT_TRUE) if (f[k] === true && g[k] !== true) return `drops the condition "${k}"`;
  if (!f.refusalCounts && g.refusalCounts) return 'lets a refusal count';
  for (const a of f.after) if (!g.after.includes(a)) return `no longer has to come after "${a}"`;
  if (f.before && g.before !== f.before) return `no longer has to come before "${f.before}"`;
  if (f.during && g.during !== f.during) return `no longer has to happen during "${f.during}"`;
  return null;
}

function stepLoosened(floor: Step, got: Step | undefined): string | null {
  if (!got) return 'is removed';
  if (got.input !== floor.input) return `no longer records its ${floor.input}`;
  if (floor.checksBlockers && !got.checksBlockers) return 'no longer checks protected statuses';
  if (floor.requiresEvidence && !got.requiresEvidence) return 'no longer requires the evidence';
  if (floor.mode === 'all' && got.mode !== 'all') return 'no longer needs every role present';
  if (floor.independent !== 'none' && got.independent !== floor.independent)
    return 'no longer needs an independent person';
  if (got.who.some((r) => !floor.who.includes(r))) return `may now be done by ${got.who.join(' or ')}`;
  if (floor.notBeforeDateOf && got.notBeforeDateOf !== floor.notBeforeDateOf)
    return `may now be done before the date "${floor.notBeforeDateOf}" set`;
  return null;
}

/** One line per statutory safeguard the policy removes or loosens; empty when it keeps them all. */
export function floorViolations(policy: Policy, floor: Policy): string[] {
  const out: string[] = [];
  for (const reason of REASON_KINDS) {
    const f = pathFor(floor, reason);
    const p = pathFor(policy, reason);
    const where = reason === 'performance' ? '' : `${reason}.`;
    if (f.blockersAtOpen && !p.blockersAtOpen)
      out.push(`${where}blockersAtOpen: protected statuses must be checked when a ${reason} case opens`);
    for (const [id, item] of Object.entries(f.evidence)) {
      if (!item.statutory) continue;
      const why = itemLoosened(item, p.evidence[id]);
      if (why) out.push(`${where}evidence.${id} ${why} (${item.statutory})`);
    }
    const kept = f.steps.filter((s) => s.statutory);
    for (const s of kept) {
      const why = stepLoosened(
        s,
        p.steps.find((x) => x.id === s.id),
      );
      if (why) out.push(`${where}steps: "${s.id}" ${why} (${s.statutory})`);
    }
    const order = kept.map((s) => p.steps.findIndex((x) => x.id === s.id)).filter((i) => i >= 0);
    if (order.some((i, n) => n > 0 && i < order[n - 1]!))
      out.push(`${where}steps: ${kept.map((s) => `"${s.id}"`).join(', ')} must stay in this order`);
    if (f.severance.kind !== 'none' && p.severance.kind === 'none')
      out.push(`${where}severance: statutory severance cannot be removed`);
    if (f.severance.kind === 'cn_n' && p.severance.kind === 'cn_n') {
      if (!f.severance.onlyIfEmployerProposed && p.severance.onlyIfEmployerProposed)
        out.push(`${where}severance.onlyIfEmployerProposed: N is owed whoever proposed this exit`);
    }
    if (f.notice.kind !== 'none') {
      const n = p.notice;
      if (n.kind !== f.notice.kind) out.push(`${where}notice: the statutory notice rule cannot be replaced`);
      else if (n.kind === 'fixed_days' && f.notice.kind === 'fixed_days' && n.days < f.notice.days)
        out.push(`${where}notice.days: at least ${f.notice.days} days`);
    }
  }
  const keep = floor.retention;
  if (keep.statutory && policy.retention.yearsAfterTermination < keep.yearsAfterTermination)
    out.push(`retention.yearsAfterTermination: at least ${keep.yearsAfterTermination} years (${keep.statutory})`);
  for (const b of floor.blockers) {
    if (!b.statutory) continue;
    const got = policy.blockers.find((x) => x.id === b.id);
    if (!got) out.push(`blockers: "${b.id}" is removed (${b.statutory})`);
    else if (b.statuses.some((s) => !got.statuses.includes(s)))
      out.push(`blockers: "${b.id}" must still cover ${b.statuses.join(', ')} (${b.statutory})`);
    else if (got.recentDays < b.recentDays)
      out.push(`blockers: "${b.id}" recentDays must be at least ${b.recentDays} (${b.statutory})`);
    else if (
      b.derive &&
      (!got.derive ||
        got.derive.minServiceYears > b.derive.minServiceYears ||
        got.derive.withinYears < b.derive.withinYears)
    )
      out.push(`blockers: "${b.id}" must still be derived from the person's record (${b.statutory})`);
  }
  return out;
}
