/**
 * The dossier's files: links from each record to its files (relative paths inside the ZIP), the
 * list of every file with its hash, and the manifest (`manifest.json`, `SHA256SUMS`) that lets a
 * reader check each file and page with `sha256sum -c` and the audit head with `audit verify`.
 */
import type { T } from '../../i18n/index.js';
import type { AttachmentSubject } from '../../../domain/files.js';
import type { DossierFile, DossierModel } from './dossier-model.js';
import { fileSizeText, recordLabel } from '../files/file-lines.js';

const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A path inside the ZIP as an href: every segment percent-encoded. */
const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export const filesOfRecord = (m: DossierModel, type: AttachmentSubject, id: number): DossierFile[] =>
  m.files.filter((f) => f.subjectType === type && f.subjectId === id);

/** `📎 sheet.pdf (230 KB) · 📎 …` under a record, linking into the ZIP; '' when it has none. */
export function fileLinksHtml(t: T, m: DossierModel, type: AttachmentSubject, id: number): string {
  const files = filesOfRecord(m, type, id);
  if (!files.length) return '';
  return `<p class="files">${files
    .map(
      (f) =>
        `📎 <a href="${esc(href(f.path))}">${esc(f.name)}</a> (${esc(fileSizeText(t, f.size))}, <code>${esc(f.sha256.slice(0, 12))}</code>)`,
    )
    .join(' · ')}</p>`;
}

/** Every file: the record it belongs to, who attached it and when, and its full SHA-256. */
export function filesTableHtml(t: T, m: DossierModel, day: (ms: number) => string): string {
  if (!m.files.length) return `<p class="none">${esc(t('off.dossier.none'))}</p>`;
  const rows = m.files.map(
    (f) =>
      `<tr><td>${esc(recordLabel(t, { type: f.subjectType, id: f.subjectId }))}</td><td><a href="${esc(href(f.path))}">${esc(f.name)}</a></td><td>${esc(f.mime)}<br>${esc(fileSizeText(t, f.size))}</td><td>${esc(m.names[f.uploadedBy] ?? f.uploadedBy)}<br>${esc(day(f.createdAt))}</td><td><code>${esc(f.sha256)}</code></td></tr>`,
  );
  return `<table><thead><tr><th></th><th>${esc(t('off.dossier.fileName'))}</th><th></th><th></th><th>SHA-256</th></tr></thead><tbody>${rows.join('')}</tbody></table><p>${esc(t('off.dossier.filesCheck'))}</p>`;
}

export interface DossierManifest {
  format: 'dandang-dossier/1';
  caseId: number;
  employeeId: string;
  exportedAt: string;
  auditHead: string;
  auditRows: number;
  /** The command that checks the head against the audit log. */
  verify: string;
  pages: { path: string; sha256: string }[];
  files: {
    path: string;
    sha256: string;
    size: number;
    mime: string;
    name: string;
    record: { type: AttachmentSubject; id: number };
    attachedBy: string;
    attachedAt: string;
  }[];
}

export function dossierManifest(m: DossierModel, pages: { path: string; sha256: string }[]): DossierManifest {
  return {
    format: 'dandang-dossier/1',
    caseId: m.caseId,
    employeeId: m.employee.id,
    exportedAt: new Date(m.exportedAt).toISOString(),
    auditHead: m.auditHead,
    auditRows: m.auditRows,
    verify: `npm run dandang -- audit verify --anchor ${m.auditRows}:${m.auditHead}`,
    pages,
    files: m.files.map((f) => ({
      path: f.path,
      sha256: f.sha256,
      size: f.size,
      mime: f.mime,
      name: f.name,
      record: { type: f.subjectType, id: f.subjectId },
      attachedBy: f.uploadedBy,
      attachedAt: new Date(f.createdAt).toISOString(),
    })),
  };
}

/** `sha256sum -c SHA256SUMS` checks every page and file of the unpacked ZIP. */
export const sha256Sums = (entries: { path: string; sha256: string }[]): string =>
  entries.map((e) => `${e.sha256}  ${e.path}\n`).join('');
