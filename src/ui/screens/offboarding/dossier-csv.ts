/**
 * The dossier as CSV: one row per record, for a spreadsheet or an e-discovery import. Notes, reviews
 * and dispute comments are typed by people, so every cell goes through `ui/csv.ts`, which keeps a
 * spreadsheet from running one as a formula.
 */
import type { T } from '../../i18n/index.js';
import type { Cell } from '../../workbook.js';
import { toCsv } from '../../csv.js';
import { kpiTargetText } from '../../kpi-text.js';
import type { DossierModel } from './dossier-model.js';
import { ackText, stamp } from './dossier-html.js';
import { feedText } from './dossier-feed.js';

export function renderDossierCsv(t: T, m: DossierModel): string {
  const rows: Cell[][] = [
    ['section', 'date', 'record', 'item', 'detail', 'target', 'actual', 'result', 'response', 'data_feed'],
  ];
  const d = m.data;
  const day = (ms: number) => stamp(ms, m.timezone);
  for (const s of d.kpiSets)
    for (const k of s.kpis)
      rows.push([
        'kpi',
        '',
        `${s.jobId}@${s.version}`,
        k.key,
        k.name,
        kpiTargetText(t, k),
        '',
        '',
        ackText(t, m, s.ack),
      ]);
  for (const r of d.reviews) {
    rows.push([
      r.kind === 'reassessment' ? 'reassessment' : 'review',
      day(r.submittedAt),
      `review #${r.id}`,
      r.periodLabel,
      r.comment,
      '',
      '',
      r.belowTarget ? 'below target' : 'on target',
      ackText(t, m, r.ack),
    ]);
    const section = r.kind === 'reassessment' ? 'reassessment' : 'review';
    if (r.strengths) rows.push([`${section}_strengths`, day(r.submittedAt), `review #${r.id}`, '', r.strengths]);
    if (r.improvement) rows.push([`${section}_improvement`, day(r.submittedAt), `review #${r.id}`, '', r.improvement]);
    for (const x of r.results)
      rows.push([
        r.kind === 'reassessment' ? 'reassessment_kpi' : 'review_kpi',
        day(r.submittedAt),
        `review #${r.id}`,
        x.kpiKey,
        x.kpiName,
        `${x.target} ${x.unit}`,
        `${x.actual} ${x.unit}`,
        x.met ? 'met' : 'missed',
        '',
        // What a data feed sent and why the manager's figure differs (docs/kpi-feeds.md).
        feedText(t, x),
      ]);
  }
  for (const n of d.notes)
    rows.push(['note', n.heldOn, `note #${n.id}`, n.kind, n.discussion, '', '', '', ackText(t, m, n.ack)]);
  for (const p of d.trainings) {
    rows.push([
      'training',
      day(p.createdAt),
      `training #${p.id}`,
      p.kpiKeys.join(' '),
      `${p.goal} (${p.trainer})`,
      '',
      '',
      p.status,
      ackText(t, m, p.ack),
    ]);
    for (const s of p.sessions) {
      const mark = s.attendance.find((a) => a.personId === m.employee.id);
      rows.push([
        'attendance',
        day(s.startsAt),
        `session #${s.id}`,
        '',
        s.location,
        '',
        '',
        mark ? `${mark.status} (${mark.method})` : 'no record',
        mark?.reason ?? '',
      ]);
    }
  }
  for (const j of d.jobAdjustments)
    rows.push([
      'job_adjustment',
      j.effectiveOn,
      `job adjustment #${j.id}`,
      `${j.fromJobId} -> ${j.toJobId}`,
      j.reason,
      '',
      '',
      '',
      ackText(t, m, j.ack),
    ]);
  // Every attached file: its record, its place in the ZIP, its name, type and size, hash, who attached it.
  for (const f of m.files)
    rows.push([
      'file',
      day(f.createdAt),
      `${f.subjectType.replace(/_/g, ' ')} #${f.subjectId}`,
      f.path,
      f.name,
      f.mime,
      f.size,
      f.sha256,
      m.names[f.uploadedBy] ?? f.uploadedBy,
    ]);
  for (const e of m.evaluation.items)
    rows.push([
      'evidence_check',
      day(m.exportedAt),
      e.id,
      e.kind,
      e.records.map((r) => `${r.type} #${r.id}`).join(' '),
      e.required,
      e.found,
      e.ok ? 'ok' : 'missing',
      '',
    ]);
  for (const e of m.timeline)
    rows.push(['timeline', day(e.at), e.step, e.outcome, JSON.stringify(e.detail), '', '', e.actor, '']);
  rows.push([
    'policy',
    day(m.openedAt),
    `${m.policy.id}@${m.policy.version}`,
    '',
    JSON.stringify(m.policy),
    '',
    '',
    '',
    '',
  ]);
  rows.push(['audit_head', day(m.exportedAt), `${m.auditRows} entries`, '', m.auditHead, '', '', '', '']);
  return toCsv(rows);
}
