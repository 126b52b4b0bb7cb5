/**
 * The dossier of a case: print-ready HTML and CSV of every record the gate relied on, the case
 * timeline, the policy as at opening, and the audit-chain head at export. Called after the ack of a
 * chat request (`request-dossier.ts`), and directly by the operator's CLI.
 */
import { ok, type Result } from '../result.js';
import type { UseCaseDeps } from '../../ports/deps.js';
import { evaluateEvidence } from '../../domain/policy/index.js';
import type { Settlement } from '../../domain/settlement.js';
import { DAY_MS } from '../../domain/dates.js';
import { translator } from '../../ui/i18n/index.js';
import { renderDossierHtml, stamp } from '../../ui/screens/offboarding/dossier-html.js';
import { renderDossierCsv } from '../../ui/screens/offboarding/dossier-csv.js';
import type { DossierModel } from '../../ui/screens/offboarding/dossier-model.js';
import { outboxKeys } from '../shared/outbox-keys.js';
import { policyOf } from './policy.js';
import { authorizeDossier, type DossierRequest } from './dossier-access.js';

export interface ExportedDossier {
  filename: string;
  html: string;
  csv: string;
  auditHead: string;
  auditRows: number;
}

export const makeExportDossier =
  ({ store, clock, settings }: UseCaseDeps) =>
  (input: DossierRequest & { deliver: 'thread' | 'none' }): Result<ExportedDossier> =>
    store.tx((tx) => {
      const a = authorizeDossier(tx, input, settings, clock.now());
      if (!a.ok) return a;
      const { c } = a;
      const now = clock.now();
      const policy = policyOf(c);
      const employee = tx.org.person(c.employeeId);
      const manager = employee?.managerId ? tx.org.person(employee.managerId) : null;
      const job = employee?.jobId ? tx.org.job(employee.jobId) : null;
      // The window: the longest evidence window of the policy before the case opened, to now.
      const windowDays = Math.max(180, ...Object.values(policy.evidence).map((i) => Math.min(i.windowDays, 730)));
      const data = tx.cases.dossierData(c.employeeId, c.openedAt - windowDays * DAY_MS);
      const events = tx.cases.events(c.id);
      const ids = new Set<string>([
        c.employeeId,
        c.openedBy,
        ...events.map((e) => e.actorId),
        ...data.reviews.map((r) => r.authorId),
        ...data.notes.map((n) => n.authorId),
      ]);
      for (const x of [...data.reviews, ...data.notes, ...data.trainings, ...data.jobAdjustments])
        if (x.ack?.witnessId) ids.add(x.ack.witnessId);
      if (manager) ids.add(manager.id);
      const names: Record<string, string> = {};
      for (const id of ids) names[id] = tx.org.person(id)?.name ?? id;

      // The head before this export's own audit row: the hash the dossier can be checked against.
      const { hash: auditHead, rows: auditRows } = tx.audit.head();
      const locale = settings.locale;
      const model: DossierModel = {
        locale,
        timezone: settings.timezone,
        caseId: c.id,
        status: c.status,
        reason: c.reasonKind,
        reasonText: c.reasonText,
        openedAt: c.openedAt,
        closedAt: c.closedAt,
        employee: { id: c.employeeId, name: employee?.name ?? c.employeeId, hireDate: employee?.hireDate ?? null },
        manager: manager ? { id: manager.id, name: manager.name } : null,
        job: job ? { title: job.title, duties: job.duties } : null,
        policy,
        evaluation: evaluateEvidence(
          policy,
          tx.cases.evidenceFacts(c.employeeId),
          c.status === 'open' ? now : (c.closedAt ?? now),
          c.reasonKind,
        ),
        data,
        timeline: events.map((e) => ({
          at: e.at,
          step: e.step,
          actor: names[e.actorId] ?? e.actorId,
          outcome: e.outcome,
          detail: e.detail,
        })),
        settlement: (c.settlement as Settlement | null) ?? null,
        auditHead,
        auditRows,
        exportedAt: now,
        names,
      };
      const t = translator(locale);
      const html = renderDossierHtml(t, model);
      const csv = renderDossierCsv(t, model);
      const filename = `dandang-case-${c.id}-${stamp(now, settings.timezone).slice(0, 10)}`;
      tx.audit.record({
        actorId: input.actorId,
        action: 'case.dossier_exported',
        subjectType: 'case',
        subjectId: c.id,
        detail: { auditHead, auditRows, deliver: input.deliver },
      });
      tx.audit.record({
        actorId: input.actorId,
        action: 'read.dossier',
        subjectType: 'person',
        subjectId: c.employeeId,
        detail: { caseId: c.id, deliver: input.deliver },
      });
      if (input.deliver === 'thread') {
        const to = { channel: settings.hrChannel };
        const title = t('off.thread.dossier', {
          id: c.id,
          date: stamp(now, settings.timezone),
          hash: auditHead.slice(0, 16),
        });
        tx.outbox.upload({
          key: outboxKeys.caseDossier(c.id, now, 'html'),
          to,
          threadKey: outboxKeys.caseRoot(c.id),
          filename: `${filename}.html`,
          title,
          content: html,
        });
        tx.outbox.upload({
          key: outboxKeys.caseDossier(c.id, now, 'csv'),
          to,
          threadKey: outboxKeys.caseRoot(c.id),
          filename: `${filename}.csv`,
          title,
          content: csv,
        });
      }
      return ok({ filename, html, csv, auditHead, auditRows });
    });
