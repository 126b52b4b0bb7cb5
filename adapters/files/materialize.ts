/**
 * The bytes of an outbox upload (src/ports/outbox-queue.ts UploadPayload), as every sender needs
 * them: text as UTF-8, a stored evidence file read (and hash-checked) from the FileStore, or a ZIP
 * built from its entries. A platform with an upload limit gets a ZIP in parts that each fit it
 * (Feishu takes 30 MB a file): the first part holds the pages and the manifest, every part says
 * which it is, and no file is ever cut or left out.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ArchiveEntry, UploadPayload } from '../../src/ports/outbox-queue.js';
import type { FileStore } from '../../src/ports/files.js';

export interface UploadPart {
  filename: string;
  bytes: Uint8Array;
}

/** Raised when a stored file an upload names is gone: the row cannot be delivered as it is. */
export class MissingFileError extends Error {
  override name = 'MissingFileError';
}

async function read(files: FileStore, sha256: string): Promise<Uint8Array> {
  const bytes = await files.get(sha256);
  if (!bytes) throw new MissingFileError(`stored file ${sha256} is missing from the file store`);
  return bytes;
}

/** ZIP entries: text compressed, stored files kept as they are (images, PDFs and office files are compressed already). */
function zip(entries: { path: string; bytes: Uint8Array; text: boolean }[]): Uint8Array {
  const tree: Zippable = {};
  for (const e of entries) tree[e.path] = [e.bytes, { level: e.text ? 6 : 0 }];
  return zipSync(tree, { mtime: new Date('2000-01-01T00:00:00Z') });
}

const sizeOf = (e: ArchiveEntry) => ('text' in e ? Buffer.byteLength(e.text) : 0);

/** `dossier.zip` → `dossier-part2.zip`. */
const partName = (filename: string, n: number) =>
  n === 1 ? filename : filename.replace(/(\.[^.]+)?$/, (ext) => `-part${n}${ext || ''}`);

/**
 * The upload as one or more files of at most `maxBytes` each (Infinity: one file). Only an archive
 * is ever split; its text entries stay together in the first part.
 */
export async function uploadParts(
  payload: UploadPayload,
  files: FileStore,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<UploadPart[]> {
  if (payload.archive) {
    const texts = payload.archive.filter((e) => 'text' in e) as { path: string; text: string }[];
    const stored = payload.archive.filter((e) => 'sha256' in e) as { path: string; sha256: string }[];
    const groups: { path: string; bytes: Uint8Array; text: boolean }[][] = [
      texts.map((e) => ({ path: e.path, bytes: strToU8(e.text), text: true })),
    ];
    // Room for the ZIP's own headers: 1 KB a file is far more than it needs.
    let used = texts.reduce((n, e) => n + sizeOf(e) + 1024, 0);
    for (const e of stored) {
      const bytes = await read(files, e.sha256);
      const need = bytes.length + 1024;
      if (used + need > maxBytes && groups.at(-1)!.length) {
        groups.push([]);
        used = 0;
      }
      groups.at(-1)!.push({ path: e.path, bytes, text: false });
      used += need;
    }
    return groups.map((g, i) => ({ filename: partName(payload.filename, i + 1), bytes: zip(g) }));
  }
  if (payload.blob) return [{ filename: payload.filename, bytes: await read(files, payload.blob.sha256) }];
  return [{ filename: payload.filename, bytes: strToU8(payload.content ?? '') }];
}

/** The upload as one file (a platform without a size limit, the local workspace, the CLI). */
export async function uploadBytes(payload: UploadPayload, files: FileStore): Promise<Uint8Array> {
  return (await uploadParts(payload, files))[0]!.bytes;
}
