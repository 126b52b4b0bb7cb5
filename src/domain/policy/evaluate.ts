/**
 * The one evidence engine: every preset, override and custom policy is evaluated by this code.
 * Pure: the facts and "now" come in, a per-item verdict with the concrete records goes out.
 */
import { pathFor, type EvidenceItem, type EvidenceKind, type Policy, type ReasonKind } from './schema.js';
import type { AckFact, EvidenceFacts } from './facts.js';
import { DAY_MS, addDays, dateMs, utcDate } from '../dates.js';
import { kpiSubjectId } from '../kpi.js';

export interface EvidenceRecordRef {
  type: 'kpis' | 'review' | 'note' | 'training_plan' | 'job_adjustment';
  id: string;
  /** YYYY-MM-DD (UTC) of the record. */
  date: string;
  /** Short human detail: a period label, a note kind, "2/3 sessions attended". */
  detail: string;
  ack: AckFact['state'] | null;
  at: number;
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
  awaitingResponse: number;
  /** The item this one must come after, when that item has nothing yet. */
  waitingFor: string | null;
}

export interface BlockerEvaluation {
  id: string;
  statusKind: string;
  statusId: number;
  since: string;
  until: string | null;
}

export interface Evaluation {
  complete: boolean;
  items: ItemEvaluation[];
  blockers: BlockerEvaluation[];
}

const DEFAULT_NOTE_KINDS: Partial<Record<EvidenceKind, string[]>> = {
  conversation: ['one_on_one', 'feedback'],
  warning: ['formal_warning'],
  pip: ['pip_kickoff'],
};

/** Every record of the right kind, before window/ack/order conditions. */
function candidates(
  item: EvidenceItem,
  facts: EvidenceFacts,
): (EvidenceRecordRef & { kpiKeys: string[]; jobId: string | null })[] {
  const k = facts.kpis;
  switch (item.kind) {
    case 'kpi_defined':
    case 'kpi_acknowledged':
      if (!k || k.kpiKeys.length === 0) return [];
      if (item.kind === 'kpi_acknowledged' && !k.ack) return [];
      return [
        {
          type: 'kpis',
          id: kpiSubjectId(k.jobId, k.version),
          date: utcDate(k.definedAt),
          detail: `${k.jobTitle} v${k.version}: ${k.kpiKeys.join(', ')}`,
          ack: k.ack?.state ?? null,
          at: k.ack && item.kind === 'kpi_acknowledged' ? k.ack.at : k.definedAt,
          kpiKeys: k.kpiKeys,
          jobId: k.jobId,
        },
      ];
    case 'below_target_review':
    case 'reassessment_failed':
    case 'pip_failed':
      return facts.reviews
        .filter(
          (r) =>
            r.belowTarget &&
            (item.kind === 'pip_failed' ||
              r.kind === (item.kind === 'below_target_review' ? 'regular' : 'reassessment')),
        )
        .map((r) => ({
          type: 'review',
          id: String(r.id),
          date: utcDate(r.at),
          detail: `${r.periodLabel}${r.missedKpiKeys.length ? ` (${r.missedKpiKeys.join(', ')})` : ''}`,
          ack: r.ack?.state ?? null,
          at: r.at,
          kpiKeys: r.kpiKeys,
          jobId: r.jobId,
        }));
    case 'conversation':
    case 'warning':
    case 'pip': {
      const kinds = item.conditions.noteKinds ?? DEFAULT_NOTE_KINDS[item.kind] ?? [];
      return facts.notes
        .filter((n) => kinds.includes(n.kind))
        .map((n) => ({
          type: 'note',
          id: String(n.id),
          date: n.heldOn,
          detail: n.kind,
          ack: n.ack?.state ?? null,
          at: Number.isNaN(dateMs(n.heldOn)) ? n.at : dateMs(n.heldOn),
          kpiKeys: n.kpiKeys,
          jobId: null,
        }));
    }
    case 'remedy':
      return [
        ...facts.trainings
          .filter((t) => t.attended > 0)
          .map((t) => ({
            type: 'training_plan' as const,
            id: String(t.id),
            date: utcDate(t.at),
            detail: `${t.goal} (${t.attended}/${t.sessions})`,
            ack: t.ack?.state ?? null,
            at: t.at,
            kpiKeys: t.kpiKeys,
            jobId: t.jobId,
          })),
        ...facts.jobAdjustments.map((j) => ({
          type: 'job_adjustment' as const,
          id: String(j.id),
          date: j.effectiveOn,
          detail: `→ ${j.toJobId}: ${j.reason}`,
          ack: j.ack?.state ?? null,
          at: j.at,
          kpiKeys: [] as string[],
          jobId: j.toJobId,
        })),
      ];
  }
}

type Candidate = ReturnType<typeof candidates>[number];

/** A reassessment counts only against the KPIs its remedy targeted (or the new job's KPIs). */
function measuresSameKpis(review: Candidate, remedies: Candidate[]): boolean {
  return remedies.some((m) =>
    m.type === 'job_adjustment'
      ? review.jobId === m.jobId
      : m.kpiKeys.length === 0
        ? review.jobId === m.jobId
        : m.kpiKeys.some((key) => review.kpiKeys.includes(key)),
  );
}

/** Items ordered so that an item's `after` is evaluated before it. */
function dependencyOrder(items: [string, EvidenceItem][]): [string, EvidenceItem][] {
  const done = new Set<string>();
  const out: [string, EvidenceItem][] = [];
  const visit = (entry: [string, EvidenceItem], depth: number) => {
    if (done.has(entry[0]) || depth > items.length) return;
    const after = entry[1].conditions.after;
    const dep = after ? items.find(([id]) => id === after) : undefined;
    if (dep) visit(dep, depth + 1);
    done.add(entry[0]);
    out.push(entry);
  };
  for (const e of items) visit(e, 0);
  return out;
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
    const c = item.conditions;
    const since = now - item.windowDays * DAY_MS;
    let pool = candidates(item, facts).filter((r) => r.at >= since && r.at <= now);
    let waitingFor: string | null = null;
    if (c.after) {
      const anchorRecords = counted.get(c.after) ?? [];
      if (anchorRecords.length === 0) {
        waitingFor = c.after;
        pool = [];
      } else {
        const anchor = Math.min(...anchorRecords.map((r) => r.at)) + c.minDaysAfter * DAY_MS;
        pool = pool.filter((r) => r.at > anchor);
        if (c.sameKpis) pool = pool.filter((r) => measuresSameKpis(r, anchorRecords));
      }
    }
    const responded = (r: Candidate) => r.ack !== null && (r.ack !== 'refused' || c.refusalCounts);
    const qualifying = c.acknowledged ? pool.filter(responded) : pool;
    qualifying.sort((a, b) => a.at - b.at);
    counted.set(id, qualifying);
    results.set(id, {
      id,
      kind: item.kind,
      ok: qualifying.length >= item.count,
      found: qualifying.length,
      required: item.count,
      windowDays: item.windowDays,
      records: qualifying.map(({ kpiKeys: _k, jobId: _j, ...ref }) => ref),
      awaitingResponse: pool.length - qualifying.length,
      waitingFor,
    });
  }

  // Report in the policy's own order, which is the order the law tells the story in.
  const items = entries.map(([id]) => results.get(id)!);
  const blockers = evaluateBlockers(policy, facts, now);
  return { complete: items.every((i) => i.ok), items, blockers };
}

/** Protected statuses in force on the day of `now` (or recently ended, for "recent" risks). */
export function evaluateBlockers(policy: Policy, facts: EvidenceFacts, now: number): BlockerEvaluation[] {
  const today = utcDate(now);
  const out: BlockerEvaluation[] = [];
  for (const b of policy.blockers) {
    for (const s of facts.protectedStatuses) {
      if (!b.statuses.includes(s.kind) || s.startsOn > today) continue;
      const until = s.endsOn ? addDays(s.endsOn, b.recentDays) : null;
      if (until && until < today) continue;
      out.push({ id: b.id, statusKind: s.kind, statusId: s.id, since: s.startsOn, until: s.endsOn });
    }
  }
  return out;
}
