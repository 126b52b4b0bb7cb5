/**
 * `audit verify`, for evidence files: every file the audit chain says was attached (`file.attach`,
 * whose detail holds its SHA-256) must still be in the file store and match that hash. The chain is
 * verified first, so the hashes checked here are the ones recorded when each file was attached. A
 * file whose record retention erased (an `erasures` row) is expected to be gone.
 */
import type { Connection } from '../client.js';
import { attachments } from '../schema/index.js';
import { StoredFileError, type FileStore } from '../../src/ports/files.js';
import type { Sealed } from '../sealed.js';

export interface FileProblem {
  kind: 'missing' | 'altered' | 'unreadable' | 'record_missing';
  sha256: string;
  attachmentId: number;
  /** `note #12`. */
  record: string;
  /** The file's name when it can be read (sealed names need DANDANG_DATA_KEY), else null. */
  name: string | null;
  /** The audit row that recorded the attachment. */
  auditRowId: number;
  message: string;
}

export interface FileVerification {
  /** Files checked (present and matching). */
  ok: number;
  /** Files of erased records, not expected any more. */
  erased: number;
  problems: FileProblem[];
}

interface AttachRow {
  id: number;
  subjectType: string;
  subjectId: string;
  detail: string;
}

export async function verifyAttachedFiles(
  conn: Pick<Connection, 'sqlite' | 'sealer'>,
  files: FileStore,
): Promise<FileVerification> {
  const { sqlite } = conn;
  const rows = sqlite
    .prepare(
      `SELECT id, subject_type AS subjectType, subject_id AS subjectId, detail FROM audit_log WHERE action = 'file.attach' ORDER BY id`,
    )
    .all() as AttachRow[];
  const attachment = sqlite.prepare<[number], { name: Sealed; sha256: string }>(
    'SELECT name, sha256 FROM attachments WHERE id = ?',
  );
  const erasedStmt = sqlite
    .prepare<[string]>(`SELECT 1 FROM erasures WHERE table_name = 'attachments' AND row_id = ?`)
    .pluck();
  const nameOf = conn.sealer.column(attachments.name);
  const result: FileVerification = { ok: 0, erased: 0, problems: [] };
  for (const r of rows) {
    const detail = JSON.parse(r.detail) as { attachmentId?: number; sha256?: string };
    const sha256 = String(detail.sha256 ?? '');
    const attachmentId = Number(detail.attachmentId);
    const record = `${r.subjectType.replace(/_/g, ' ')} #${r.subjectId}`;
    const row = attachment.get(attachmentId);
    const problem = (kind: FileProblem['kind'], message: string, name: string | null) =>
      result.problems.push({ kind, sha256, attachmentId, record, name, auditRowId: r.id, message });
    if (!row) {
      if (erasedStmt.get(String(attachmentId))) result.erased++;
      else
        problem(
          'record_missing',
          `attachment #${attachmentId} on ${record} (sha256 ${sha256}) was deleted from the database, though the audit log records it and retention did not erase it`,
          null,
        );
      continue;
    }
    let name: string | null = null;
    try {
      name = nameOf.open(row.name);
    } catch {
      name = null;
    }
    const label = `${name ? `"${name}"` : 'a file'} (attachment #${attachmentId} on ${record}, sha256 ${sha256})`;
    try {
      const bytes = await files.get(sha256);
      if (!bytes) problem('missing', `${label} is missing from the file store`, name);
      else result.ok++;
    } catch (e) {
      if (!(e instanceof StoredFileError)) throw e;
      const altered = !/not configured/.test(e.message);
      problem(
        altered ? 'altered' : 'unreadable',
        altered
          ? `${label} no longer matches the hash recorded when it was attached (altered)`
          : `${label} cannot be checked: it is sealed with a data key that is not configured (set DANDANG_DATA_KEY)`,
        name,
      );
    }
  }
  return result;
}
