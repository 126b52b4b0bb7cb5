/**
 * Evidence files: which kinds of file a record may carry, the size rule, and what a file is attached
 * to. A file's kind is judged by its leading bytes (detected by the adapter), never by its name:
 * `contract.pdf` that is really an executable is refused. Pure.
 */

import { createHash } from 'node:crypto';

/** The records a file can be attached to (issue 16): the evidence a dismissal file must hold. */
export const ATTACHMENT_SUBJECTS = [
  'note',
  'training_plan',
  /** One session of a plan: its signed sign-in sheet (培训签到表). */
  'training_session',
  'review',
  'job_adjustment',
  'incident',
  /** A dismissal case: the signed notice, the union's reply. */
  'case',
] as const;
export type AttachmentSubject = (typeof ATTACHMENT_SUBJECTS)[number];

export interface SubjectRef {
  type: AttachmentSubject;
  id: number;
}

/** `note:12`: the form state and button value naming a record (untrusted on the way back). */
export const subjectRefText = (s: SubjectRef): string => `${s.type}:${s.id}`;

export function parseSubjectRef(value: string): SubjectRef | null {
  const m = /^([a-z_]+):(\d{1,12})$/.exec(value.trim());
  if (!m || !(ATTACHMENT_SUBJECTS as readonly string[]).includes(m[1]!)) return null;
  const id = Number(m[2]);
  return id > 0 ? { type: m[1] as AttachmentSubject, id } : null;
}

/**
 * The file kinds we accept, by the MIME type detected from the content. Images, PDF and office
 * documents: a scanned sign-in sheet, a screenshot of a conversation, a signed notice.
 */
export const ALLOWED_FILE_TYPES: Readonly<Record<string, { ext: string; family: 'image' | 'pdf' | 'office' }>> = {
  'image/jpeg': { ext: 'jpg', family: 'image' },
  'image/png': { ext: 'png', family: 'image' },
  'image/gif': { ext: 'gif', family: 'image' },
  'image/webp': { ext: 'webp', family: 'image' },
  'image/heic': { ext: 'heic', family: 'image' },
  'image/heif': { ext: 'heif', family: 'image' },
  'image/tiff': { ext: 'tif', family: 'image' },
  'image/bmp': { ext: 'bmp', family: 'image' },
  'application/pdf': { ext: 'pdf', family: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', family: 'office' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', family: 'office' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { ext: 'pptx', family: 'office' },
  'application/vnd.oasis.opendocument.text': { ext: 'odt', family: 'office' },
  'application/vnd.oasis.opendocument.spreadsheet': { ext: 'ods', family: 'office' },
  'application/vnd.oasis.opendocument.presentation': { ext: 'odp', family: 'office' },
  /** The container of legacy .doc, .xls and .ppt files (Compound File Binary). */
  'application/x-cfb': { ext: 'doc', family: 'office' },
};

/** Default size limit per file (`files.maxMegabytes` in dandang.yml). */
export const DEFAULT_MAX_FILE_MB = 20;
/** The configured size limit in bytes (`settings.files.maxBytes`), or the default. */
export const maxFileBytes = (settings: { files?: { maxBytes: number } }): number =>
  settings.files?.maxBytes ?? DEFAULT_MAX_FILE_MB * 1024 * 1024;
/** The highest limit the config accepts: a file plus the dossier's own pages must fit Feishu's 30 MB upload. */
export const MAX_FILE_MB_CEILING = 25;
/** How long after "Attach file" on Feishu the next file sent to the bot goes to that record. */
export const FILE_REQUEST_MINUTES = 10;
/** Files one form or message may attach at once (Slack's file_input takes at most 10). */
export const MAX_FILES_PER_UPLOAD = 5;

export type UploadRefusal =
  | { reason: 'empty' }
  | { reason: 'too_large'; maxBytes: number }
  /** `detected`: what the content really is (`exe`, `elf`), or null when no known kind matched. */
  | { reason: 'type_not_allowed'; detected: string | null };

/** Whether a received file may be stored, from its size and the type detected from its bytes. */
export function judgeUpload(file: {
  size: number;
  detected: { mime: string; ext: string } | null;
  maxBytes: number;
}): UploadRefusal | null {
  if (file.size === 0) return { reason: 'empty' };
  if (file.size > file.maxBytes) return { reason: 'too_large', maxBytes: file.maxBytes };
  if (!file.detected || !ALLOWED_FILE_TYPES[file.detected.mime])
    return { reason: 'type_not_allowed', detected: file.detected?.ext ?? null };
  return null;
}

export const isSha256 = (s: string): boolean => /^[0-9a-f]{64}$/.test(s);

/** SHA-256 of a text's UTF-8 bytes, as `sha256sum` prints it (the dossier's pages in its manifest). */
export const sha256OfText = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A file name as stored and shown: the person's own name for it, without folders, control
 * characters or characters file systems refuse, at most 120 characters, never empty. A name with no
 * extension (a Feishu image has no name at all) gets the one of its real type, `ext`.
 */
export function cleanFileName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim();
  const cut = [...base].slice(0, 120).join('');
  if (!cut) return `file.${ext}`;
  return /\.[\p{L}\p{N}]{1,8}$/u.test(cut) ? cut : `${cut}.${ext}`;
}

/** Where a file sits inside the dossier ZIP: unique by hash, readable by name. */
export const archivePathOf = (sha256: string, name: string): string =>
  `files/${sha256.slice(0, 12)}-${name.replace(/[^\p{L}\p{N}._-]+/gu, '_')}`;
