/**
 * Files as every adapter receives them: checked by their real type and size before anything is
 * stored, stored once by hash (sealed with the data key), and removed again when the submission
 * that brought them records nothing.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { makeTestDb, type TestDb } from '../../support/db.js';
import { makeFileStore } from '../../../db/files.js';
import { plaintextSealer } from '../../../db/sealed.js';
import { checkAndStore, discardUnreferenced } from '../../../adapters/files/intake.js';
import { translator } from '../../../src/ui/i18n/index.js';
import { StoredFileError } from '../../../src/ports/files.js';
import { exe, pdf, png } from '../../support/sample-files.js';
import { sha256 as sha } from '../../support/evidence-files.js';

let db: TestDb;
afterEach(() => db?.cleanup());

const allFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => d.name)
    : [];

describe('checking and storing received files', () => {
  const t = translator('en');
  const MB = 1024 * 1024;

  it('refuses a .pdf that is an executable, naming what it really is, and stores nothing', async () => {
    db = makeTestDb();
    const dir = join(db.dir, 'files');
    const files = makeFileStore(dir, db.conn.sealer);
    const r = await checkAndStore(files, [{ name: 'contract.pdf', bytes: exe() }], { maxBytes: 20 * MB, t });
    expect(r).toEqual({
      ok: false,
      message:
        'contract.pdf is not an image, a PDF or an office document: its content is `exe`, whatever its name says. Nothing was stored.',
    });
    expect(allFiles(dir)).toEqual([]);
  });

  it('refuses an oversize file with the limit, and a good file sent with it is not stored either', async () => {
    db = makeTestDb();
    const dir = join(db.dir, 'files');
    const files = makeFileStore(dir, db.conn.sealer);
    const big = Buffer.concat([pdf(), randomBytes(2 * MB)]);
    const r = await checkAndStore(
      files,
      [
        { name: 'sheet.png', bytes: png() },
        { name: 'scan.pdf', bytes: big },
      ],
      { maxBytes: 1 * MB, t },
    );
    expect(r).toEqual({ ok: false, message: 'scan.pdf is 2 MB: a file may be at most 1 MB. Nothing was stored.' });
    expect(allFiles(dir)).toEqual([]);
  });

  it('refuses text with no known type, and an empty file', async () => {
    db = makeTestDb();
    const files = makeFileStore(join(db.dir, 'files'), db.conn.sealer);
    const text = await checkAndStore(files, [{ name: 'notes.pdf', bytes: Buffer.from('just text') }], {
      maxBytes: MB,
      t,
    });
    expect(!text.ok && text.message).toContain('its content is of no kind we accept');
    const empty = await checkAndStore(files, [{ name: 'empty.png', bytes: Buffer.alloc(0) }], { maxBytes: MB, t });
    expect(!empty.ok && empty.message).toBe('empty.png is empty. Nothing was stored.');
  });

  it('stores an accepted file once by its SHA-256, with its type read from the content and a clean name', async () => {
    db = makeTestDb();
    const dir = join(db.dir, 'files');
    const files = makeFileStore(dir, db.conn.sealer);
    const bytes = pdf();
    const r = await checkAndStore(files, [{ name: '../../etc/签到表.jpg', bytes }], { maxBytes: MB, t });
    expect(r).toEqual({
      ok: true,
      files: [{ sha256: sha(bytes), name: '签到表.jpg', mime: 'application/pdf', size: bytes.length }],
      created: [sha(bytes)],
    });
    // No data key here: stored as it is, under its hash.
    expect(allFiles(dir)).toEqual([sha(bytes)]);
    const again = await checkAndStore(files, [{ name: 'copy.pdf', bytes }], { maxBytes: MB, t });
    expect(again.ok && again.created).toEqual([]);
    expect(Buffer.from((await files.get(sha(bytes)))!)).toEqual(bytes);

    // Nothing holds it: a submission that recorded nothing takes it away again.
    await discardUnreferenced(db.store, files, [sha(bytes)]);
    expect(await files.has(sha(bytes))).toBe(false);
  });
});

describe('the file store at rest', () => {
  it('seals the bytes with DANDANG_DATA_KEY and refuses to hand out altered ones', async () => {
    db = makeTestDb({ protection: { dataKey: randomBytes(32) } });
    const dir = join(db.dir, 'files');
    const files = makeFileStore(dir, db.conn.sealer);
    const bytes = png(7);
    const { sha256 } = await files.put(bytes);
    const [stored] = allFiles(dir);
    expect(stored).toBe(`${sha256}.sealed`);
    const path = join(dir, sha256.slice(0, 2), stored!);
    const onDisk = readFileSync(path);
    // The PNG signature is nowhere in the sealed file.
    expect(onDisk.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    expect(Buffer.from((await files.get(sha256))!)).toEqual(bytes);

    // A store without the key cannot read it, and says which key it needs.
    const keyless = makeFileStore(dir, plaintextSealer);
    await expect(keyless.get(sha256)).rejects.toThrow(/not configured/);

    onDisk[onDisk.length - 20]! ^= 0xff;
    writeFileSync(path, onDisk);
    await expect(files.get(sha256)).rejects.toBeInstanceOf(StoredFileError);
    await expect(files.get(sha256)).rejects.toThrow(`stored file ${sha256} failed authentication (altered)`);
  });
});
