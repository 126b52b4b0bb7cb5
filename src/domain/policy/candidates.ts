/**
 * The records of each evidence kind, as the engine weighs them: when each counts from (the timing
 * rule), when what it records has run its course (a PIP's stated end, a training's last session,
 * an adjustment once effective and answered), and what it cannot count for on its own terms
 * (a restructuring "adjustment", a training with too little attendance). Pure.
 */
import { DAY_MS, dateMs, isIsoDate, utcDate } from '../dates.js';
import { attendanceCounts, citesRestructuring } from '../evidence-rules.js';
import { kpiSubjectId } from '../kpi.js';
import type { EvidenceItem, EvidenceKind } from './schema.js';
import type { AckFact, AckState, EvidenceFacts, NoteFact } from './facts.js';
import { countsFrom } from './timing.js';

export interface EvidenceRecordRef {
  type: 'kpis' | 'review' | 'note' | 'training_plan' | 'job_adjustment' | 'incident' | 'handbook';
  id: string;
  /** The date the record states (held on, effective, occurred), else the day it was recorded. */
  date: string;
  /** The instant it counts from (see `timing.ts`). */
  at: number;
  /** Recorded this many days after its stated date (beyond the policy's grace), else null. */
  recordedLateDays: number | null;
  /** The person's own words for it: a period label, a plan's goal, a job title, a handbook section. */
  title: string;
  noteKind: string | null;
  kpiKeys: string[];
  ack: AckState | null;
  attendance: { attended: number; sessions: number } | null;
}

/** Why a record does not count. Each names a rule of POLICIES.md; the screens explain them. */
export type RejectionRule =
  | 'in_future'
  | 'outside_window'
  | 'too_soon'
  | 'not_before'
  | 'kpis_not_known_first'
  | 'not_targeting_missed'
  | 'low_attendance'
  | 'no_signed_sheet'
  | 'training_unfinished'
  | 'completed_before_last_session'
  | 'not_performance_reason'
  | 'other_kpis'
  | 'met_target'
  | 'no_stated_length'
  | 'check_in_gap'
  | 'no_hearing'
  | 'hearing_without_companion'
  | 'no_dismissal_risk'
  | 'no_rule'
  | 'no_evidence'
  | 'rule_not_covered';

export interface Rejection {
  rule: RejectionRule;
  /** The item the rule is relative to (after / before / during). */
  anchor?: string;
  /** A number the rule names: days to wait, attendance percent, days of a gap. */
  days?: number;
  /** The earliest date it could count, or the date a gap started. */
  date?: string;
}

export interface Candidate {
  ref: EvidenceRecordRef;
  /** Stated instant (midnight UTC of the stated date), for "known before it happened" checks. */
  start: number;
  from: number;
  end: number;
  ack: AckFact | null;
  kpiKeys: string[];
  missed: string[];
  jobId: string | null;
  /** Handbook version an acknowledgment covers, or the version of the rule an incident cites. */
  version: number | null;
  /** The incident a response answers. */
  incidentId: number | null;
  /** Counts only once the employee answered it, whatever the item says (a job adjustment). */
  needsResponse: boolean;
  problems: Rejection[];
}

const DEFAULT_NOTE_KINDS: Partial<Record<EvidenceKind, string[]>> = {
  conversation: ['one_on_one', 'feedback'],
  warning: ['formal_warning'],
  pip: ['pip_kickoff'],
  pip_check_ins: ['pip_check_in'],
};
const DEFAULT_REVIEW_KINDS: Partial<Record<EvidenceKind, ('regular' | 'reassessment')[]>> = {
  below_target_review: ['regular'],
  reassessment_failed: ['reassessment'],
  pip_failed: ['regular', 'reassessment'],
};

export interface CandidateContext {
  facts: EvidenceFacts;
  graceDays: number;
  now: number;
}

function base(
  o: Partial<Omit<Candidate, 'ref'>> & Pick<Candidate, 'from'> & { ref: Omit<EvidenceRecordRef, 'at'> },
): Candidate {
  return {
    start: o.from,
    end: o.from,
    ack: null,
    kpiKeys: [],
    missed: [],
    jobId: null,
    version: null,
    incidentId: null,
    needsResponse: false,
    problems: [],
    ...o,
    ref: { ...o.ref, at: o.from },
  };
}

const responded = (ack: AckFact | null, refusalCounts: boolean) => !!ack && (ack.state !== 'refused' || refusalCounts);

function kpiCandidates(item: EvidenceItem, { facts }: CandidateContext): Candidate[] {
  const k = facts.kpis;
  if (!k || k.kpiKeys.length === 0) return [];
  if (item.kind === 'kpi_acknowledged' && !k.ack) return [];
  const from = item.kind === 'kpi_acknowledged' ? k.ack!.at : k.definedAt;
  return [
    base({
      from,
      ack: k.ack,
      kpiKeys: k.kpiKeys,
      jobId: k.jobId,
      ref: {
        type: 'kpis',
        id: kpiSubjectId(k.jobId, k.version),
        date: utcDate(from),
        recordedLateDays: null,
        title: k.jobTitle,
        noteKind: null,
        kpiKeys: k.kpiKeys,
        ack: k.ack?.state ?? null,
        attendance: null,
      },
    }),
  ];
}

function reviewCandidates(item: EvidenceItem, { facts }: CandidateContext): Candidate[] {
  const kinds = item.conditions.reviewKinds ?? DEFAULT_REVIEW_KINDS[item.kind] ?? ['regular'];
  return facts.reviews
    .filter(
      (r) =>
        kinds.includes(r.kind) && (r.belowTarget || (r.kind === 'reassessment' && item.kind !== 'below_target_review')),
    )
    .map((r) => {
      const problems: Rejection[] = [];
      if (!r.belowTarget) problems.push({ rule: 'met_target' });
      if (item.conditions.kpisKnownFirst) {
        const periodBegan = r.periodStart && isIsoDate(r.periodStart) ? dateMs(r.periodStart) : r.at;
        const known = facts.kpiAcks.some(
          (a) =>
            a.jobId === r.jobId &&
            a.version === r.kpiVersion &&
            responded(a.ack, item.conditions.refusalCounts) &&
            a.ack.at < periodBegan,
        );
        if (!known) problems.push({ rule: 'kpis_not_known_first' });
      }
      return base({
        from: r.at,
        ack: r.ack,
        kpiKeys: r.kpiKeys,
        missed: r.missedKpiKeys,
        jobId: r.jobId,
        problems,
        ref: {
          type: 'review',
          id: String(r.id),
          date: utcDate(r.at),
          recordedLateDays: null,
          title: r.periodLabel,
          noteKind: null,
          kpiKeys: r.missedKpiKeys.length ? r.missedKpiKeys : r.kpiKeys,
          ack: r.ack?.state ?? null,
          attendance: null,
        },
      });
    });
}

/** A hearing for this note's stage, invited before it was held, held no later than the note. */
function hearingProblem(note: NoteFact, from: number, ctx: CandidateContext): Rejection | null {
  const invitations = ctx.facts.notes.filter(
    (n) =>
      n.kind === 'hearing_invitation' &&
      n.terms.stage === note.kind &&
      !!n.terms.hearingOn &&
      isIsoDate(n.terms.hearingOn) &&
      dateMs(n.terms.hearingOn) <= from &&
      countsFrom(n.heldOn, n.at, ctx.graceDays).from <= dateMs(n.terms.hearingOn) + DAY_MS,
  );
  if (invitations.some((n) => n.terms.accompanied === true)) return null;
  return { rule: invitations.length ? 'hearing_without_companion' : 'no_hearing' };
}

function noteCandidates(item: EvidenceItem, ctx: CandidateContext): Candidate[] {
  const c = item.conditions;
  const kinds = c.noteKinds ?? DEFAULT_NOTE_KINDS[item.kind] ?? [];
  return ctx.facts.notes
    .filter((n) => kinds.includes(n.kind))
    .map((n) => {
      const t = countsFrom(n.heldOn, n.at, ctx.graceDays);
      const problems: Rejection[] = [];
      let runDays = 0;
      if (item.kind === 'pip') {
        const days = n.terms.pipDays;
        if (!days || (c.lengths && !c.lengths.includes(days))) problems.push({ rule: 'no_stated_length' });
        runDays = days ?? 0;
      }
      if (item.kind === 'warning') runDays = Math.max(c.reviewPeriodDays, n.terms.reviewPeriodDays ?? 0);
      if (c.statesDismissalRisk && n.terms.dismissalRisk !== true) problems.push({ rule: 'no_dismissal_risk' });
      if (c.hearing) {
        const h = hearingProblem(n, t.from, ctx);
        if (h) problems.push(h);
      }
      return base({
        from: t.from,
        start: Math.min(t.from, isIsoDate(n.heldOn) ? dateMs(n.heldOn) : t.from),
        end: t.from + runDays * DAY_MS,
        ack: n.ack,
        kpiKeys: n.kpiKeys,
        problems,
        ref: {
          type: 'note',
          id: String(n.id),
          date: n.heldOn,
          recordedLateDays: t.recordedLateDays,
          title: '',
          noteKind: n.kind,
          kpiKeys: n.kpiKeys,
          ack: n.ack?.state ?? null,
          attendance: null,
        },
      });
    });
}

function remedyCandidates(item: EvidenceItem, ctx: CandidateContext): Candidate[] {
  const c = item.conditions;
  const trainings = ctx.facts.trainings.map((t) => {
    const problems: Rejection[] = [];
    const lastEnd = t.sessions.length ? Math.max(...t.sessions.map((s) => s.endsAt)) : null;
    if (lastEnd === null || t.completedAt === null) problems.push({ rule: 'training_unfinished' });
    else if (t.completedAt < lastEnd) problems.push({ rule: 'completed_before_last_session' });
    const attended = t.sessions.filter((s) => s.present && attendanceCounts(s, s.markedAt)).length;
    const share = t.sessions.length ? attended / t.sessions.length : 0;
    if (share < c.minAttendance) problems.push({ rule: 'low_attendance', days: Math.round(c.minAttendance * 100) });
    // `days` carries the count of sessions without a sheet (the line names it).
    const unsigned = t.sessions.filter((s) => s.sheetAt === null).length;
    if (c.signedSheets && unsigned > 0) problems.push({ rule: 'no_signed_sheet', days: unsigned });
    return base({
      from: t.at,
      end: Math.max(lastEnd ?? t.at, t.completedAt ?? 0),
      ack: t.ack,
      kpiKeys: t.kpiKeys,
      jobId: t.jobId,
      problems,
      ref: {
        type: 'training_plan',
        id: String(t.id),
        date: utcDate(t.at),
        recordedLateDays: null,
        title: t.goal,
        noteKind: null,
        kpiKeys: t.kpiKeys,
        ack: t.ack?.state ?? null,
        attendance: { attended, sessions: t.sessions.length },
      },
    });
  });
  const adjustments = ctx.facts.jobAdjustments.map((j) => {
    const t = countsFrom(j.effectiveOn, j.at, ctx.graceDays);
    const problems: Rejection[] = [];
    if (c.performanceReason && (j.basis !== 'performance' || j.kpiKeys.length === 0 || citesRestructuring(j.reason)))
      problems.push({ rule: 'not_performance_reason' });
    // Counts once effective and answered: the employee acknowledged it, disputed it, or refused before a witness.
    return base({
      from: t.from,
      start: Math.min(t.from, isIsoDate(j.effectiveOn) ? dateMs(j.effectiveOn) : t.from),
      end: Math.max(t.from, j.ack?.at ?? t.from),
      needsResponse: true,
      ack: j.ack,
      kpiKeys: j.kpiKeys,
      jobId: j.toJobId,
      problems,
      ref: {
        type: 'job_adjustment',
        id: String(j.id),
        date: j.effectiveOn,
        recordedLateDays: t.recordedLateDays,
        title: j.toJobTitle,
        noteKind: null,
        kpiKeys: j.kpiKeys,
        ack: j.ack?.state ?? null,
        attendance: null,
      },
    });
  });
  return [...trainings, ...adjustments];
}

function incidentCandidates(item: EvidenceItem, ctx: CandidateContext): Candidate[] {
  const rules = new Map(ctx.facts.handbookRules.map((r) => [r.id, r]));
  const out: Candidate[] = [];
  for (const i of ctx.facts.incidents) {
    const rule = i.ruleId === null ? undefined : rules.get(i.ruleId);
    const title = rule ? `§${rule.section} ${rule.title}` : '';
    if (item.kind === 'incident') {
      const t = countsFrom(i.occurredOn, i.at, ctx.graceDays);
      const problems: Rejection[] = [];
      if (!rule) problems.push({ rule: 'no_rule' });
      if (!i.evidence.trim()) problems.push({ rule: 'no_evidence' });
      out.push(
        base({
          from: t.from,
          start: isIsoDate(i.occurredOn) ? Math.min(dateMs(i.occurredOn), t.from) : t.from,
          version: rule?.version ?? null,
          incidentId: i.id,
          ack: i.ack,
          problems,
          ref: {
            type: 'incident',
            id: String(i.id),
            date: i.occurredOn,
            recordedLateDays: t.recordedLateDays,
            title,
            noteKind: null,
            kpiKeys: [],
            ack: i.ack?.state ?? null,
            attendance: null,
          },
        }),
      );
    } else if (i.ack) {
      out.push(
        base({
          from: i.ack.at,
          incidentId: i.id,
          ack: i.ack,
          ref: {
            type: 'incident',
            id: String(i.id),
            date: utcDate(i.ack.at),
            recordedLateDays: null,
            title,
            noteKind: null,
            kpiKeys: [],
            ack: i.ack.state,
            attendance: null,
          },
        }),
      );
    }
  }
  return out;
}

function handbookCandidates({ facts }: CandidateContext): Candidate[] {
  return facts.handbookAcks.map((a) =>
    base({
      from: a.ack.at,
      version: a.version,
      ack: a.ack,
      ref: {
        type: 'handbook',
        id: String(a.version),
        date: utcDate(a.ack.at),
        recordedLateDays: null,
        title: '',
        noteKind: null,
        kpiKeys: [],
        ack: a.ack.state,
        attendance: null,
      },
    }),
  );
}

/** Every record of the item's kind, before window, order and response conditions. */
export function candidatesFor(item: EvidenceItem, ctx: CandidateContext): Candidate[] {
  switch (item.kind) {
    case 'kpi_defined':
    case 'kpi_acknowledged':
      return kpiCandidates(item, ctx);
    case 'below_target_review':
    case 'reassessment_failed':
    case 'pip_failed':
      return reviewCandidates(item, ctx);
    case 'conversation':
    case 'warning':
    case 'pip':
    case 'pip_check_ins':
      return noteCandidates(item, ctx);
    case 'remedy':
      return remedyCandidates(item, ctx);
    case 'incident':
    case 'employee_response':
      return incidentCandidates(item, ctx);
    case 'rule_acknowledged':
      return handbookCandidates(ctx);
  }
}
