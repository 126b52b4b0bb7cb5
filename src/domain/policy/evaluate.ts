/**
 * The one evidence engine: every preset, override and custom policy is evaluated by this code.
 * Pure: the facts and "now" come in; a per-item verdict comes out with the records it counted, the
 * ones waiting for the employee, and every record it refused with the rule that refused it.
 */
import { DAY_MS, utcDate } from '../dates.js';
import {
  pathFor,
  type EvidenceItem,
  type EvidenceKind,
  type Policy,
  type ReasonKind,
  type Supplier,
} from './schema.js';
import type { EvidenceFacts } from './facts.js';
import { candidatesFor } from './candidates.js';
import type { Candidate, EvidenceRecordRef, Rejection } from './candidate.js';
import { evaluateBlockers, type BlockerEvaluation } from './blockers.js';

export type { EvidenceRecordRef, Rejection, RejectionRule } from './candidate.js';
export type { BlockerEvaluation, BlockerCheck } from './blockers.js';
export { evaluateBlockers, checkBlockers } from './blockers.js';

export interface RejectedRecord {
  record: EvidenceRecordRef;
  reason: Rejection;
}

export interface ItemEvaluation {
  id: string;
  kind: EvidenceKind;
  ok: boolean;
  found: number;
  required: number;
  windowDays: number;
  /** The records counted towards `found`. */
  records: EvidenceRecordRef[];
  /** Records that would count once the employee responds to them. */
  awaiting: EvidenceRecordRef[];
  awaitingResponse: number;
  /** Records of the right kind that do not count, each with the rule that refused it. */
  rejected: RejectedRecord[];
  /** The item this one must come after (or before, or during), when that item has nothing yet. */
  waitingFor: string | null;
  /** Who must supply what is missing. */
  suppliedBy: Supplier;
}

export interface Evaluation {
  complete: boolean;
  items: ItemEvaluation[];
  blockers: BlockerEvaluation[];
  /** KPI key → name, so a screen never shows a key. */
  kpiNames: Record<string, string>;
}

const DEFAULT_SUPPLIER: Record<EvidenceKind, Supplier> = {
  kpi_defined: 'hr',
  kpi_acknowledged: 'employee',
  below_target_review: 'manager',
  conversation: 'manager',
  remedy: 'manager',
  reassessment_failed: 'manager',
  warning: 'manager',
  pip: 'manager',
  pip_check_ins: 'manager',
  pip_failed: 'manager',
  incident: 'manager',
  rule_acknowledged: 'employee',
  employee_response: 'employee',
};

const responded = (r: Candidate, refusalCounts: boolean) => !!r.ack && (r.ack.state !== 'refused' || refusalCounts);

/** Items ordered so that every item an item refers to is evaluated before it. */
function dependencyOrder(items: [string, EvidenceItem][]): [string, EvidenceItem][] {
  const done = new Set<string>();
  const out: [string, EvidenceItem][] = [];
  const visit = (entry: [string, EvidenceItem], depth: number) => {
    if (done.has(entry[0]) || depth > items.length) return;
    const c = entry[1].conditions;
    for (const ref of [...c.after, c.before, c.during]) {
      const dep = ref ? items.find(([id]) => id === ref) : undefined;
      if (dep) visit(dep, depth + 1);
    }
    done.add(entry[0]);
    out.push(entry);
  };
  for (const e of items) visit(e, 0);
  return out;
}

/** Whether record `r` is about anchor `a`, or the rule that says it is not. */
function relation(item: EvidenceItem, r: Candidate, a: Candidate): Rejection | null {
  if (r.ref.type === 'handbook' && a.ref.type === 'incident')
    return r.version !== null && a.version !== null && r.version >= a.version ? null : { rule: 'rule_not_covered' };
  if (r.incidentId !== null && a.incidentId !== null)
    return r.incidentId === a.incidentId ? null : { rule: 'other_kpis' };
  if (!item.conditions.sameKpis || r.ref.type !== 'review') return null;
  if (a.ref.type === 'job_adjustment') return r.jobId === a.jobId ? null : { rule: 'other_kpis' };
  if (a.kpiKeys.length === 0) return null;
  if (!r.kpiKeys.some((k) => a.kpiKeys.includes(k))) return { rule: 'other_kpis' };
  return r.missed.some((k) => a.kpiKeys.includes(k)) ? null : { rule: 'met_target' };
}

/** The largest set of records within `spanDays` of each other (the latest such set on a tie). */
function densestSpan(records: Candidate[], spanDays: number): Candidate[] {
  let best: Candidate[] = [];
  for (let i = 0; i < records.length; i++) {
    const set = records.filter((r) => r.from >= records[i]!.from && r.from - records[i]!.from <= spanDays * DAY_MS);
    if (set.length >= best.length) best = set;
  }
  return best;
}

interface Weighed {
  evaluation: ItemEvaluation;
  counted: Candidate[];
}

function weigh(
  id: string,
  item: EvidenceItem,
  facts: EvidenceFacts,
  graceDays: number,
  now: number,
  counted: Map<string, Candidate[]>,
): Weighed {
  const c = item.conditions;
  const rejected: RejectedRecord[] = [];
  const refuse = (r: Candidate, reason: Rejection) => {
    rejected.push({ record: r.ref, reason });
    return false;
  };
  let pool = candidatesFor(item, { facts, graceDays, now });
  pool = pool.filter((r) => (r.problems.length ? refuse(r, r.problems[0]!) : true));
  // Nothing in the future counts: a record dated ahead, an adjustment not yet effective, a remedy still running.
  pool = pool.filter((r) =>
    r.from > now || (item.kind === 'remedy' && r.end > now)
      ? refuse(r, { rule: 'in_future', date: utcDate(Math.max(r.from, item.kind === 'remedy' ? r.end : r.from)) })
      : true,
  );
  const since = now - item.windowDays * DAY_MS;
  pool = pool.filter((r) => (r.from < since ? refuse(r, { rule: 'outside_window', days: item.windowDays }) : true));

  let waitingFor: string | null = null;
  let during: Candidate | null = null;
  for (const anchorId of c.after) {
    const anchors = counted.get(anchorId) ?? [];
    if (!anchors.length) {
      waitingFor ??= anchorId;
      pool = [];
      continue;
    }
    // Reviews from before the anchor even began (by its stated date) are the history that led to it,
    // not attempts at this item: they drop without a word. Any other early record is explained.
    const began = Math.min(...anchors.map((a) => a.start));
    pool = pool.filter((r) => r.ref.type !== 'review' || r.from >= began);
    pool = pool.filter((r) => {
      const related = anchors.filter((a) => relation(item, r, a) === null);
      if (!related.length) return refuse(r, relation(item, r, anchors[0]!)!);
      const timely = related.filter((a) => r.from >= a.end + c.minDaysAfter * DAY_MS);
      if (!timely.length) {
        const earliest = Math.min(...related.map((a) => a.end + c.minDaysAfter * DAY_MS));
        return refuse(r, { rule: 'too_soon', anchor: anchorId, days: c.minDaysAfter, date: utcDate(earliest) });
      }
      if (c.targetsMissedKpis) {
        const missed = new Set(timely.flatMap((a) => a.missed));
        if (missed.size && !r.kpiKeys.some((k) => missed.has(k))) return refuse(r, { rule: 'not_targeting_missed' });
      }
      return true;
    });
  }
  if (c.before) {
    const anchors = counted.get(c.before) ?? [];
    if (!anchors.length) {
      waitingFor ??= c.before;
      pool = [];
    }
    pool = pool.filter((r) => {
      const related = anchors.filter((a) => relation(item, r, a) === null);
      if (!related.length) return refuse(r, relation(item, r, anchors[0]!) ?? { rule: 'not_before', anchor: c.before });
      return related.some((a) => r.from < a.start) ? true : refuse(r, { rule: 'not_before', anchor: c.before });
    });
  }
  if (c.during) {
    const anchors = counted.get(c.during) ?? [];
    during = anchors.length ? anchors.reduce((x, y) => (y.from > x.from ? y : x)) : null;
    if (!during) waitingFor ??= c.during;
    pool = during ? pool.filter((r) => r.from >= during!.from && r.from <= during!.end) : [];
  }

  const mustRespond = (r: Candidate) => c.acknowledged || r.needsResponse;
  const answered = pool.filter((r) => !mustRespond(r) || responded(r, c.refusalCounts));
  const awaiting = pool.filter((r) => !answered.includes(r));
  answered.sort((a, b) => a.from - b.from);
  const qualifying = c.spanDays ? densestSpan(answered, c.spanDays) : answered;

  let required = item.count;
  let gapsOk = true;
  if (during && c.everyDays) {
    // Check-ins at most `everyDays` apart over the run of the anchor (to today while it runs).
    const until = Math.min(during.end, now);
    required = Math.max(item.count, Math.ceil((during.end - during.from) / (c.everyDays * DAY_MS)) - 1);
    const points = [during.from, ...qualifying.map((r) => r.from), until];
    for (let i = 1; i < points.length; i++) {
      const gap = points[i]! - points[i - 1]!;
      if (gap > c.everyDays * DAY_MS) {
        gapsOk = false;
        rejected.push({
          record: during.ref,
          reason: { rule: 'check_in_gap', days: Math.floor(gap / DAY_MS), date: utcDate(points[i - 1]!) },
        });
        break;
      }
    }
  }

  return {
    counted: qualifying,
    evaluation: {
      id,
      kind: item.kind,
      ok: qualifying.length >= required && gapsOk,
      found: qualifying.length,
      required,
      windowDays: item.windowDays,
      records: qualifying.map((r) => r.ref),
      awaiting: awaiting.map((r) => r.ref),
      awaitingResponse: awaiting.length,
      rejected,
      waitingFor,
      suppliedBy: item.suppliedBy ?? DEFAULT_SUPPLIER[item.kind],
    },
  };
}

export function evaluateEvidence(
  policy: Policy,
  facts: EvidenceFacts,
  now: number,
  reason: ReasonKind = 'performance',
): Evaluation {
  const path = pathFor(policy, reason);
  const entries = Object.entries(path.evidence);
  const counted = new Map<string, Candidate[]>();
  const results = new Map<string, ItemEvaluation>();
  for (const [id, item] of dependencyOrder(entries)) {
    const w = weigh(id, item, facts, policy.timing.backdateGraceDays, now, counted);
    counted.set(id, w.counted);
    results.set(id, w.evaluation);
  }
  // Report in the policy's own order, which is the order the law tells the story in.
  const items = entries.map(([id]) => results.get(id)!);
  return {
    complete: items.every((i) => i.ok),
    items,
    blockers: evaluateBlockers(policy, facts, now),
    kpiNames: facts.kpiNames,
  };
}
