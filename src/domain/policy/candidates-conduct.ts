/** Candidates for a misconduct path: incidents and the employee's response to them, and handbook acknowledgments. */
import { dateMs, isIsoDate, utcDate } from '../dates.js';
import type { EvidenceItem } from './schema.js';
import { countsFrom } from './timing.js';
import { makeCandidate, type Candidate, type CandidateContext, type Rejection } from './candidate.js';

export function incidentCandidates(item: EvidenceItem, ctx: CandidateContext): Candidate[] {
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
        makeCandidate({
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
        makeCandidate({
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

export function handbookCandidates({ facts }: CandidateContext): Candidate[] {
  return facts.handbookAcks.map((a) =>
    makeCandidate({
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
