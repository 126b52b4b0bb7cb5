/** Candidates from notes: conversations, warnings, PIPs and check-ins, with stated lengths and hearings. */
import { DAY_MS, dateMs, isIsoDate } from '../dates.js';
import type { EvidenceItem, EvidenceKind } from './schema.js';
import type { NoteFact } from './facts.js';
import { countsFrom } from './timing.js';
import { makeCandidate, type Candidate, type CandidateContext, type Rejection } from './candidate.js';

const DEFAULT_NOTE_KINDS: Partial<Record<EvidenceKind, string[]>> = {
  conversation: ['one_on_one', 'feedback'],
  warning: ['formal_warning'],
  pip: ['pip_kickoff'],
  pip_check_ins: ['pip_check_in'],
};

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

export function noteCandidates(item: EvidenceItem, ctx: CandidateContext): Candidate[] {
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
      return makeCandidate({
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
