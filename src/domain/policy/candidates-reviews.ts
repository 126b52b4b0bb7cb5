/** Candidates from KPIs (defined, acknowledged) and reviews (below target, reassessments), with "KPIs known first". */
import { dateMs, isIsoDate, utcDate } from '../dates.js';
import { kpiSubjectId } from '../kpi.js';
import type { EvidenceItem, EvidenceKind } from './schema.js';
import { makeCandidate, responded, type Candidate, type CandidateContext, type Rejection } from './candidate.js';

const DEFAULT_REVIEW_KINDS: Partial<Record<EvidenceKind, ('regular' | 'reassessment')[]>> = {
  below_target_review: ['regular'],
  reassessment_failed: ['reassessment'],
  pip_failed: ['regular', 'reassessment'],
};

export function kpiCandidates(item: EvidenceItem, { facts }: CandidateContext): Candidate[] {
  const k = facts.kpis;
  if (!k || k.kpiKeys.length === 0) return [];
  if (item.kind === 'kpi_acknowledged' && !k.ack) return [];
  const from = item.kind === 'kpi_acknowledged' ? k.ack!.at : k.definedAt;
  return [
    makeCandidate({
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

export function reviewCandidates(item: EvidenceItem, { facts }: CandidateContext): Candidate[] {
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
      return makeCandidate({
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
