/**
 * The print-ready HTML dossier: one self-contained file (inline CSS, no scripts) that reads on
 * screen and prints on A4. Every record is quoted as stored; disputes are verbatim.
 */
import type { MessageKey, T } from '../../i18n/index.js';
import { kpiTargetText } from '../../kpi-text.js';
import type { AckView } from '../../../ports/repos/cases.js';
import { pathFor } from '../../../domain/policy/index.js';
import { daysBetween } from '../../../domain/dates.js';
import type { DossierModel } from './dossier-model.js';
import { itemLabel, localized, noteKindLabel, pathBasis, pathLabel } from './labels.js';
import { timelineRows } from './dossier-timeline.js';
import { blockerLine, itemDetail, type GateText } from './gate-text.js';
import { settlementLines } from './settlement.js';
import { periodText } from '../../period.js';
import { fileLinksHtml, filesTableHtml } from './dossier-files.js';
import { feedText } from './dossier-feed.js';

const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export const stamp = (ms: number, tz: string): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);

/** "acknowledged 2026-10-02", "disputed 2026-10-02: “…verbatim…”", "no response". */
export function ackText(t: T, m: DossierModel, ack: AckView | null): string {
  if (!ack) return t('off.dossier.noResponse');
  const base = `${t(`gate.ack.${ack.state}`)} ${stamp(ack.at, m.timezone).slice(0, 10)}`;
  const witness = ack.witnessId
    ? ` ${t('off.dossier.witness', { name: m.names[ack.witnessId] ?? ack.witnessId })}`
    : '';
  return ack.comment ? `${base}${witness}: “${ack.comment}”` : `${base}${witness}`;
}

/** "(recorded 45 days later)" when a stated date is older than the policy's grace allows. */
export function lateFlag(t: T, m: DossierModel, stated: string, recordedAt: number): string {
  const lag = daysBetween(stated, stamp(recordedAt, m.timezone).slice(0, 10));
  return lag > m.policy.timing.backdateGraceDays ? ` ⚠️ ${t('gate.rec.late', { days: lag })}` : '';
}

const table = (head: string[], rows: string[][]): string =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

export function renderDossierHtml(t: T, m: DossierModel): string {
  const name = (id: string) => esc(m.names[id] ?? id);
  const none = `<p class="none">${esc(t('off.dossier.none'))}</p>`;
  const path = pathFor(m.policy, m.reason);
  const g: GateText = {
    t,
    locale: m.locale,
    policy: m.policy,
    reason: m.reason,
    employee: m.employee.name,
    manager: m.manager?.name ?? null,
    kpiNames: m.evaluation.kpiNames,
  };
  const section = (title: string, body: string) => `<section><h2>${esc(title)}</h2>${body}</section>`;
  const d = m.data;

  const kpis = d.kpiSets.length
    ? d.kpiSets
        .map(
          (s) =>
            `<h3>${esc(t('off.dossier.withId', { name: s.jobTitle, id: `${s.jobId} v${s.version}` }))}</h3>` +
            table(
              ['KPI', t('off.dossier.target'), ''],
              s.kpis.map((k) => [
                esc(t('off.dossier.withId', { name: k.name, id: k.key })),
                esc(kpiTargetText(t, k)),
                '',
              ]),
            ) +
            `<p><strong>${esc(t('off.dossier.kpiAck'))}:</strong> ${esc(ackText(t, m, s.ack))}</p>`,
        )
        .join('')
    : none;

  const reviewBlock = (kind: 'regular' | 'reassessment') => {
    const rows = d.reviews.filter((r) => r.kind === kind);
    if (!rows.length) return none;
    return rows
      .map(
        (r) =>
          `<h3>#${r.id} · ${esc(periodText(t, r.periodLabel))} · ${esc(stamp(r.submittedAt, m.timezone))} · ${name(r.authorId)} · ${r.belowTarget ? '❌' : '✅'}</h3>` +
          table(
            ['KPI', t('off.dossier.target'), t('off.dossier.actual'), ''],
            r.results.map((x) => [
              esc(x.kpiName),
              esc(kpiTargetText(t, x)),
              // The feed's figure beside the manager's, and why they differ: both are the record.
              esc(`${x.actual} ${x.unit}`) + (feedText(t, x) ? `<br><small>${esc(feedText(t, x))}</small>` : ''),
              esc(x.met ? t('off.dossier.met') : t('off.dossier.missed')),
            ]),
          ) +
          // What the manager named as strengths and how to improve: the employee was told both.
          (r.strengths ? `<p><strong>${esc(t('off.dossier.strengths'))}:</strong> ${esc(r.strengths)}</p>` : '') +
          (r.improvement ? `<p><strong>${esc(t('off.dossier.improvement'))}:</strong> ${esc(r.improvement)}</p>` : '') +
          (r.comment ? `<blockquote>${esc(r.comment)}</blockquote>` : '') +
          `<p class="ack">${esc(ackText(t, m, r.ack))}</p>` +
          fileLinksHtml(t, m, 'review', r.id),
      )
      .join('');
  };

  const notes = d.notes.length
    ? d.notes
        .map(
          (n) =>
            `<h3>#${n.id} · ${esc(n.heldOn)}${esc(lateFlag(t, m, n.heldOn, n.recordedAt))} · ${esc(noteKindLabel(t, n.kind))} · ${name(n.authorId)}</h3><blockquote>${esc(n.discussion)}</blockquote><p class="ack">${esc(ackText(t, m, n.ack))}</p>` +
            fileLinksHtml(t, m, 'note', n.id),
        )
        .join('')
    : none;

  const trainings = d.trainings.length
    ? d.trainings
        .map(
          (p) =>
            `<h3>#${p.id} · ${esc(p.goal)} · ${esc(p.trainer)}</h3><p>${esc(p.content)}</p>` +
            table(
              ['', '', '', ''],
              p.sessions.map((s) => {
                const mark = s.attendance.find((a) => a.personId === m.employee.id);
                const status = mark
                  ? t('ev.training.attendance', {
                      status: t(mark.status === 'present' ? 'off.dossier.present' : 'off.dossier.absent'),
                      method: t(mark.method === 'sign_in' ? 'ev.training.bySignIn' : 'ev.training.byMark'),
                      reason: mark.reason ? `${t('gate.reasonSep')}${mark.reason}` : '',
                    })
                  : '—';
                // The session's own files: its signed sign-in sheet.
                return [
                  esc(stamp(s.startsAt, m.timezone)),
                  esc(s.location),
                  esc(status),
                  fileLinksHtml(t, m, 'training_session', s.id),
                ];
              }),
            ) +
            `<p class="ack">${esc(ackText(t, m, p.ack))}</p>` +
            fileLinksHtml(t, m, 'training_plan', p.id),
        )
        .join('')
    : none;

  const adjustments = d.jobAdjustments.length
    ? d.jobAdjustments
        .map(
          (j) =>
            `<p>#${j.id} · ${esc(j.effectiveOn)}${esc(lateFlag(t, m, j.effectiveOn, j.recordedAt))} · ${esc(j.fromJobId)} → ${esc(j.toJobId)}: ${esc(j.reason)}<br><span class="ack">${esc(ackText(t, m, j.ack))}</span></p>` +
            fileLinksHtml(t, m, 'job_adjustment', j.id),
        )
        .join('')
    : none;

  const incidents = d.incidents.length
    ? d.incidents
        .map(
          (i) =>
            `<h3>#${i.id} · ${esc(i.occurredOn)}${esc(lateFlag(t, m, i.occurredOn, i.recordedAt))} · ${esc(i.rule ? `§${i.rule.section} ${i.rule.title}` : '—')} · ${name(i.reportedBy)}</h3><blockquote>${esc(i.description)}</blockquote><p>${esc(t('off.dossier.incidentEvidence'))}: ${esc(i.evidence || '—')}</p><p class="ack">${esc(ackText(t, m, i.ack))}</p>` +
            fileLinksHtml(t, m, 'incident', i.id),
        )
        .join('') +
      (d.handbookAcks.length
        ? `<p>${d.handbookAcks.map((a) => esc(`${t('off.dossier.handbook', { version: a.version })}: ${ackText(t, m, a.ack)}`)).join('<br>')}</p>`
        : '')
    : none;

  const checklist = m.evaluation.items
    .map((e) => {
      const item = path.evidence[e.id];
      return `<li>${e.ok ? '✅' : '❌'} <strong>${esc(item ? itemLabel(t, m.locale, item, e.id) : e.id)}</strong>: ${esc(item ? itemDetail(g, e.id, item, e) : '')}</li>`;
    })
    .join('');
  const blockers = m.evaluation.blockers.map((b) => `<li>${esc(blockerLine(g, b))}</li>`).join('');

  const timeline = table(
    ['', '', '', ''],
    timelineRows(t, m, path.steps).map((r) => [esc(stamp(r.at, m.timezone)), ...r.cells.map(esc)]),
  );

  const policyText =
    `<p><strong>${esc(pathBasis(m.locale, m.policy, m.reason))}</strong> (${esc(m.policy.id)} ${esc(m.policy.version)})</p><p>${esc(localized(m.policy.summary, m.locale))}</p>` +
    `<ul>${m.policy.rights.map((r) => `<li>${esc(localized(r, m.locale))}</li>`).join('')}${m.policy.flags.map((r) => `<li>${esc(localized(r, m.locale))}</li>`).join('')}</ul>` +
    `<details open><summary>JSON</summary><pre>${esc(JSON.stringify(m.policy, null, 2))}</pre></details>`;

  const title = t('off.dossier.title', { id: m.caseId, name: m.employee.name });
  const sep = t('gate.reasonSep');
  const reasonLine = `${t('off.case.reason')}${sep}${pathLabel(t, m.locale, m.policy, m.reason)}${m.reasonText ? ` — ${m.reasonText}` : ''}`;
  return `<!doctype html>
<html lang="${m.locale === 'zh-CN' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:11pt/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2rem;color:#111}
h1{font-size:16pt}h2{font-size:13pt;border-bottom:1px solid #999;margin-top:1.6rem}h3{font-size:11pt;margin:.8rem 0 .3rem}
table{border-collapse:collapse;width:100%;margin:.3rem 0}td,th{border:1px solid #bbb;padding:.2rem .4rem;text-align:left;vertical-align:top}
blockquote{margin:.3rem 1rem;padding-left:.6rem;border-left:3px solid #999;white-space:pre-wrap}.ack{color:#333;font-style:italic}.none{color:#666}.files{font-size:10pt}code{font-size:9pt}
pre{white-space:pre-wrap;font-size:8pt}footer{margin-top:2rem;font-size:9pt;color:#333;word-break:break-all}
@media print{body{margin:0}section{break-inside:avoid-page}details>summary{display:none}@page{size:A4;margin:18mm}}
</style></head><body>
<h1>${esc(title)}</h1>
<p>${esc(`${t('off.case.employee')}${sep}${t('off.dossier.withId', { name: m.employee.name, id: m.employee.id })}`)} · ${esc(`${t('off.case.manager')}${sep}${m.manager?.name ?? '—'}`)} · ${esc(`${t('off.case.job')}${sep}${m.job?.title ?? '—'}`)}<br>
${esc(reasonLine)} · ${esc(t(`off.dossier.status.${m.status}` as MessageKey))} · ${esc(stamp(m.openedAt, m.timezone))}</p>
${section(t('off.dossier.job'), (m.job?.duties ? `<p>${esc(m.job.duties)}</p>` : '') + kpis)}
${section(t('off.dossier.reviews'), reviewBlock('regular'))}
${section(t('off.dossier.notes'), notes)}
${section(t('off.dossier.training'), trainings)}
${section(t('off.dossier.adjustments'), adjustments)}
${m.reason === 'misconduct' || d.incidents.length ? section(t('off.dossier.incidents'), incidents) : ''}
${section(t('off.dossier.reassessment'), reviewBlock('reassessment'))}
${section(t('off.dossier.evaluation'), `<ul>${checklist}</ul>${blockers ? `<ul>${blockers}</ul>` : ''}`)}
${
  m.settlement
    ? section(
        t('off.dossier.settlement'),
        `<p>${settlementLines(t, m.settlement, { showRisk: true, path: pathLabel(t, m.locale, m.policy, m.reason) })
          .map(esc)
          .join('<br>')}</p>`,
      )
    : ''
}
${section(t('off.dossier.timeline'), timeline + fileLinksHtml(t, m, 'case', m.caseId))}
${section(
  t('off.dossier.files'),
  filesTableHtml(t, m, (ms) => stamp(ms, m.timezone)),
)}
${section(t('off.dossier.policy'), policyText)}
<footer>${esc(t('off.dossier.exported', { at: stamp(m.exportedAt, m.timezone), hash: m.auditHead, rows: m.auditRows }))}</footer>
</body></html>
`;
}
