/**
 * The dossier of a case, as one ZIP: print-ready HTML and CSV of every record the gate relied on,
 * the case timeline, the policy as at opening, every file attached to those records (the HTML
 * links each record to its files), and a manifest of every hash with the audit-chain head at
 * export. The ZIP is assembled from the FileStore when it is sent (adapters/files/materialize.ts). Called after the ack of a
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
import type { Tx } from '../../ports/store.js';
import type { DossierData } from '../../ports/repos/cases.js';
import type { ArchiveEntry } from '../../ports/outbox-queue.js';
import { archivePathOf, sha256OfText, type AttachmentSubject } from '../../domain/files.js';
import type { DossierFile } from '../../ui/screens/offboarding/dossier-model.js';
import { dossierManifest, sha256Sums } from '../../ui/screens/offboarding/dossier-files.js';
import { authorizeDossier, type DossierRequest } from './dossier-access.js';
import { hrChannelT } from '../shared/channels.js';

export interface ExportedDossier {
  /** Without extension: the ZIP is `<filename>.zip`, its pages `<filename>.html` and `.csv`. */
  filename: string;
  html: string;
  csv: string;
  auditHead: string;
  auditRows: number;
  /** The ZIP's entries (pages, manifest, every attached file by hash), as the outbox assembles it. */
  archive: ArchiveEntry[];
  files: DossierFile[];
}

/** Every file on a record the dossier shows, and on the case itself, oldest first. */
function dossierFiles(tx: Tx, caseId: number, data: DossierData): DossierFile[] {
  const of = (type: AttachmentSubject, ids: number[]) => tx.attachments.forSubjects(type, ids);
  const all = [
    ...of(
      'review',
      data.reviews.map((r) => r.id),
    ),
    ...of(
      'note',
      data.notes.map((n) => n.id),
    ),
    ...of(
      'training_plan',
      data.trainings.map((p) => p.id),
    ),
    ...of(
      'training_session',
      data.trainings.flatMap((p) => p.sessions.map((s) => s.id)),
    ),
    ...of(
      'job_adjustment',
      data.jobAdjustments.map((j) => j.id),
    ),
    ...of(
      'incident',
      data.incidents.map((i) => i.id),
    ),
    ...of('case', [caseId]),
  ].sort((a, b) => a.id - b.id);
  return all.map((a) => ({ ...a, path: archivePathOf(a.sha256, a.name) }));
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
      const files = dossierFiles(tx, c.id, data);
      const ids = new Set<string>([
        ...files.map((f) => f.uploadedBy),
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
        files,
      };
      const t = translator(locale);
      const html = renderDossierHtml(t, model);
      const csv = renderDossierCsv(t, model);
      const filename = `dandang-case-${c.id}-${stamp(now, settings.timezone).slice(0, 10)}`;
      // The ZIP: the pages, a manifest with every hash and the audit head, and every attached file.
      const pages = [
        { path: `${filename}.html`, text: html },
        { path: `${filename}.csv`, text: csv },
      ];
      const pageSums = pages.map((p) => ({ path: p.path, sha256: sha256OfText(p.text) }));
      const manifest = JSON.stringify(dossierManifest(model, pageSums), null, 2) + '\n';
      // The same bytes under the same name on two records are one file in the ZIP.
      const stored = [...new Map(files.map((f) => [f.path, { path: f.path, sha256: f.sha256 }])).values()];
      const archive: ArchiveEntry[] = [
        ...pages,
        { path: 'manifest.json', text: manifest },
        {
          path: 'SHA256SUMS',
          text: sha256Sums([...pageSums, { path: 'manifest.json', sha256: sha256OfText(manifest) }, ...stored]),
        },
        ...stored,
      ];
      tx.audit.record({
        actorId: input.actorId,
        action: 'case.dossier_exported',
        subjectType: 'case',
        subjectId: c.id,
        detail: { auditHead, auditRows, deliver: input.deliver, files: files.length },
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
        // Posted in the case's thread: the channel's language, not the requester's.
        const title = hrChannelT(tx, settings)('off.thread.dossier', {
          id: c.id,
          date: stamp(now, settings.timezone),
          hash: auditHead.slice(0, 16),
        });
        tx.outbox.upload({
          key: outboxKeys.caseDossier(c.id, now, 'zip'),
          to,
          threadKey: outboxKeys.caseRoot(c.id),
          filename: `${filename}.zip`,
          title,
          archive,
        });
      }
      return ok({ filename, html, csv, auditHead, auditRows, archive, files });
    });
