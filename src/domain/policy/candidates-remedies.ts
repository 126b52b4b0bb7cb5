/** Candidates for a remedy: training plans (finished, attended, signed) and job adjustments (for performance, answered). */
import { dateMs, isIsoDate, utcDate } from '../dates.js';
import { attendanceCounts, citesRestructuring } from '../evidence-rules.js';
import type { EvidenceItem } from './schema.js';
import { countsFrom } from './timing.js';
import { makeCandidate, type Candidate, type CandidateContext, type Rejection } from './candidate.js';

export function remedyCandidates(item: EvidenceItem, ctx: CandidateContext): Candidate[] {
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
    return makeCandidate({
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
    return makeCandidate({
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
