/**
 * Files a person sent (a Slack modal, a Feishu message, the local upload field), checked and stored
 * before the use case runs, the same way for every platform:
 *   1. the size limit and the real type, judged from the leading bytes (`file-type`), never the name:
 *      a refused file stops the whole submission with a clear error and NOTHING is stored;
 *   2. the bytes go into the FileStore (content-addressed);
 *   3. the submission is dispatched with the stored files beside its values (Inbound.files);
 *   4. if the answer records nothing (a refusal, field errors), bytes this submission newly stored
 *      and no record holds are removed again.
 */
import type { FileStore, IncomingFile } from '../../src/ports/files.js';
import type { Store } from '../../src/ports/store.js';
import type { Router } from '../../src/app/router.js';
import type { Inbound } from '../../src/app/types.js';
import type { Reply } from '../../src/ui/model.js';
import { translator, type T } from '../../src/ui/i18n/index.js';
import { literal } from '../../src/ui/markup.js';
import { fileSizeText } from '../../src/ui/screens/files/file-lines.js';
import {
  ALLOWED_FILE_TYPES,
  MAX_FILES_PER_UPLOAD,
  maxFileBytes,
  cleanFileName,
  judgeUpload,
  type UploadRefusal,
} from '../../src/domain/files.js';
import type { AppSettings } from '../../src/ports/settings.js';

/** A file as received from a platform: the sender's name for it and its bytes. */
export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
}

export { maxFileBytes };

/** The refusal as the person reads it: which file, and why, and that nothing was stored. */
export function refusalText(t: T, name: string, r: UploadRefusal, size = 0): string {
  const n = literal(name);
  switch (r.reason) {
    case 'empty':
      return t('files.refused.empty', { name: n });
    case 'too_large':
      return t('files.refused.tooLarge', { name: n, size: fileSizeText(t, size), max: fileSizeText(t, r.maxBytes) });
    case 'type_not_allowed':
      return r.detected
        ? t('files.refused.type', { name: n, detected: `\`${r.detected}\`` })
        : t('files.refused.typeUnknown', { name: n });
  }
}

/** A refusal before any byte is read (a declared size already over the limit, too many files). */
export const tooManyText = (t: T) => t('files.refused.tooMany', { n: MAX_FILES_PER_UPLOAD });

interface Checked {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

/** Judges each file by its size and the type read from its first bytes; the first refusal, or all of them checked. */
async function inspect(
  list: ReceivedFile[],
  maxBytes: number,
  t: T,
): Promise<{ ok: true; checked: Checked[] } | { ok: false; message: string }> {
  if (list.length > MAX_FILES_PER_UPLOAD) return { ok: false, message: tooManyText(t) };
  // Loaded on the first upload, not at start (file-type and its readers are some thirty modules).
  const { fileTypeFromBuffer } = await import('file-type');
  const checked: Checked[] = [];
  for (const f of list) {
    const detected = f.bytes.length ? ((await fileTypeFromBuffer(f.bytes)) ?? null) : null;
    const refusal = judgeUpload({ size: f.bytes.length, detected, maxBytes });
    if (refusal) return { ok: false, message: refusalText(t, f.name, refusal, f.bytes.length) };
    const mime = detected!.mime;
    checked.push({ name: cleanFileName(f.name, ALLOWED_FILE_TYPES[mime]!.ext), bytes: f.bytes, mime });
  }
  return { ok: true, checked };
}

/** One file's refusal (size, real type), or null: to answer at once, before it is submitted. */
export async function checkFile(f: ReceivedFile, maxBytes: number, t: T): Promise<string | null> {
  const c = await inspect([f], maxBytes, t);
  return c.ok ? null : c.message;
}

async function store(files: FileStore, checked: Checked[]): Promise<{ files: IncomingFile[]; created: string[] }> {
  const out: IncomingFile[] = [];
  const created: string[] = [];
  for (const f of checked) {
    const put = await files.put(f.bytes);
    if (put.created) created.push(put.sha256);
    out.push({ sha256: put.sha256, name: f.name, mime: f.mime, size: put.size });
  }
  return { files: out, created };
}

/** Checks every file first; stores them only when all pass. */
export async function checkAndStore(
  files: FileStore,
  received: ReceivedFile[],
  opts: { maxBytes: number; t: T },
): Promise<{ ok: true; files: IncomingFile[]; created: string[] } | { ok: false; message: string }> {
  const c = await inspect(received, opts.maxBytes, opts.t);
  return c.ok ? { ok: true, ...(await store(files, c.checked)) } : c;
}

/** Removes bytes stored for a submission that recorded nothing, unless some record holds them. */
export async function discardUnreferenced(store: Store, files: FileStore, hashes: string[]): Promise<void> {
  for (const sha256 of hashes) if (!store.read((tx) => tx.attachments.isReferenced(sha256))) await files.remove(sha256);
}

export interface FileSubmitDeps {
  router: Router;
  store: Store;
  files: FileStore;
  settings: Pick<AppSettings, 'files'>;
}

type Submit = Extract<Inbound, { kind: 'submit' }>;

/**
 * Checks and stores the received files, then dispatches the submission with them. A refused file
 * answers as an error on its input, with nothing stored.
 */
export async function submitWithFiles(
  deps: FileSubmitDeps,
  ev: Omit<Submit, 'files'>,
  received: Record<string, ReceivedFile[]>,
): Promise<Reply> {
  const t = translator(ev.actor.locale);
  const maxBytes = maxFileBytes(deps.settings);
  const inputs = Object.entries(received);
  if (inputs.reduce((n, [, list]) => n + list.length, 0) > MAX_FILES_PER_UPLOAD)
    return { kind: 'formErrors', errors: { [inputs[0]![0]]: tooManyText(t) } };
  // Every input is checked before anything is stored: one bad file refuses the lot.
  const checked: [string, Checked[]][] = [];
  for (const [inputId, list] of inputs) {
    const c = await inspect(list, maxBytes, t);
    if (!c.ok) return { kind: 'formErrors', errors: { [inputId]: c.message } };
    checked.push([inputId, c.checked]);
  }
  const stored: Record<string, IncomingFile[]> = {};
  const created: string[] = [];
  let reply: Reply;
  try {
    for (const [inputId, list] of checked) {
      const s = await store(deps.files, list);
      stored[inputId] = s.files;
      created.push(...s.created);
    }
    reply = await deps.router.dispatch({ ...ev, files: stored });
  } catch (err) {
    await discardUnreferenced(deps.store, deps.files, created);
    throw err;
  }
  if (reply.kind !== 'ok') await discardUnreferenced(deps.store, deps.files, created);
  return reply;
}
