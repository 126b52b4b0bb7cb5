/**
 * The evidence files on disk (DANDANG_FILES, default ./data/files): one file per SHA-256 of the
 * content, under a folder named by its first two hex digits. With DANDANG_DATA_KEY the bytes are
 * sealed like the sensitive text columns (AES-256-GCM, db/sealed.ts) and the file is named
 * `<hash>.sealed`; the additional authenticated data is the hash, so a sealed file renamed to
 * another hash does not open. Files written before a key was configured stay readable as they are.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StoredFileError, type FileStore } from '../src/ports/files.js';
import { isSha256 } from '../src/domain/files.js';
import { SealedValueError, type Sealer } from './sealed.js';

const SEALED = '.sealed';

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const exists = async (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

export function makeFileStore(dir: string, sealer: Sealer): FileStore & { readonly dir: string } {
  const root = resolve(dir);
  const pathOf = (sha256: string, sealed: boolean) => {
    if (!isSha256(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(root, sha256.slice(0, 2), sha256 + (sealed ? SEALED : ''));
  };
  const sealerFor = (sha256: string) => sealer.bytes(`file:${sha256}`);

  /** The path the bytes are stored under, sealed first; null when neither exists. */
  async function locate(sha256: string): Promise<{ path: string; sealed: boolean } | null> {
    for (const sealed of [true, false]) {
      const path = pathOf(sha256, sealed);
      if (await exists(path)) return { path, sealed };
    }
    return null;
  }

  return {
    dir: root,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      if (await locate(sha256)) return { sha256, size: bytes.length, created: false };
      const sealed = sealerFor(sha256).seal(bytes);
      const path = pathOf(sha256, sealed !== null);
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
      // Written under a temporary name, then renamed: a crash never leaves half a file under the hash.
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, sealed ?? bytes, { mode: 0o600 });
      await rename(tmp, path);
      return { sha256, size: bytes.length, created: true };
    },
    async get(sha256) {
      const at = await locate(sha256);
      if (!at) return null;
      const raw = await readFile(at.path);
      let bytes: Buffer;
      try {
        bytes = at.sealed ? sealerFor(sha256).open(raw) : raw;
      } catch (e) {
        if (e instanceof SealedValueError)
          throw new StoredFileError(
            sha256,
            /not configured/.test(e.message)
              ? `stored file ${sha256}: ${e.message.replace(/^file:[0-9a-f]+: /, '')}`
              : `stored file ${sha256} failed authentication (altered)`,
          );
        throw e;
      }
      if (sha256Of(bytes) !== sha256)
        throw new StoredFileError(sha256, `stored file ${sha256} no longer matches its SHA-256 (altered)`);
      return bytes;
    },
    has: async (sha256) => (await locate(sha256)) !== null,
    async remove(sha256) {
      for (const sealed of [true, false]) await rm(pathOf(sha256, sealed), { force: true });
    },
  };
}
