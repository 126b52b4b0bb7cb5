/**
 * The records of each evidence kind, as the engine weighs them: when each counts from (the timing
 * rule), when what it records has run its course (a PIP's stated end, a training's last session,
 * an adjustment once effective and answered), and what it cannot count for on its own terms
 * (a restructuring "adjustment", a training with too little attendance). Pure. One file per family
 * of kinds (candidates-*.ts); the shape of a candidate is in candidate.ts.
 */
import type { EvidenceItem } from './schema.js';
import type { Candidate, CandidateContext } from './candidate.js';
import { kpiCandidates, reviewCandidates } from './candidates-reviews.js';
import { noteCandidates } from './candidates-notes.js';
import { remedyCandidates } from './candidates-remedies.js';
import { handbookCandidates, incidentCandidates } from './candidates-conduct.js';

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
