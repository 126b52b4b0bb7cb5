/**
 * Evidence files from the operator's side: `audit verify` proves every attached file is present and
 * unaltered (naming the one that is not), and `dossier --out` writes the ZIP with each file under
 * its hash, the manifest and the audit head.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { makeTestDb, type TestDb } from '../support/db.js';
import { seedTeams, testSettings } from '../support/org.js';
import { runCliLines } from '../support/cli.js';
import { makeFileStore } from '../../db/files.js';
import { checkAndStore } from '../../adapters/files/intake.js';
import { translator } from '../../src/ui/i18n/index.js';
import { makeAttachFiles } from '../../src/usecases/files/attach-files.js';
import { pdf, png } from '../support/sample-files.js';
import { createEvidenceNote, openPerformanceCase, sha256 as sha } from '../support/evidence-files.js';

let db: TestDb;
afterEach(() => db?.cleanup());

async function setup() {
  db = makeTestDb({ now: '2026-06-01T02:00:00Z' });
  const settings = testSettings();
  const deps = { store: db.store, clock: db.clock, settings };
  seedTeams(db.store, { managers: 1, reportsPerManager: 1 });
  const files = makeFileStore(join(db.dir, 'files'), db.conn.sealer);
  const noteId = createEvidenceNote(deps, {
    actorId: 'm1',
    personId: 'm1r1',
    heldOn: '2026-05-30',
    discussion: 'Tickets at 30 against 40',
  });
  const sheet = pdf('signed by Alice');
  const shot = png(1);
  const stored = await checkAndStore(
    files,
    [
      { name: 'sign-in sheet.pdf', bytes: sheet },
      { name: 'chat.png', bytes: shot },
    ],
    { maxBytes: 1 << 20, t: translator('en') },
  );
  if (!stored.ok) throw new Error(stored.message);
  const attached = makeAttachFiles(deps)({
    actorId: 'm1',
    subject: `note:${noteId}`,
    files: stored.files,
    via: 'local',
  });
  if (!attached.ok) throw new Error(attached.message);
  openPerformanceCase(deps, { actorId: 'hr', employeeId: 'm1r1' });
  return { noteId, sheet, shot, files };
}

function cli(args: string[]) {
  const env = {
    PATH: process.env.PATH ?? '',
    DANDANG_DB: db.file,
    DANDANG_FILES: join(db.dir, 'files'),
    DANDANG_CONFIG: join(db.dir, 'none.yml'),
    DANDANG_LOCAL: '0',
  };
  return runCliLines(args, env, db.clock);
}

const pathOf = (sha256: string) => join(db.dir, 'files', sha256.slice(0, 2), sha256);

describe('audit verify and evidence files', () => {
  it('passes when every attached file is there and matches its hash', async () => {
    await setup();
    const r = await cli(['audit', 'verify']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Evidence files OK: 2 file(s) present in DANDANG_FILES and matching the SHA-256 in the audit log.',
    );
  });

  it('fails naming a file that was altered, and one that is missing', async () => {
    const { noteId, sheet, shot } = await setup();
    writeFileSync(pathOf(sha(sheet)), pdf('signed by somebody else'));
    rmSync(pathOf(sha(shot)));
    const r = await cli(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe('Evidence files BROKEN: 2 of 2 file(s) cannot be trusted.');
    expect(r.err).toContain(
      `  "sign-in sheet.pdf" (attachment #1 on note #${noteId}, sha256 ${sha(sheet)}) no longer matches the hash recorded when it was attached (altered) (audit row ${r.err[1]!.match(/audit row (\d+)/)![1]}).`,
    );
    expect(
      r.err.some((l) =>
        l.includes(`"chat.png" (attachment #2 on note #${noteId}, sha256 ${sha(shot)}) is missing from the file store`),
      ),
    ).toBe(true);
  });
});

describe('npm run dandang -- dossier with files', () => {
  it('writes a ZIP holding each file under its hash, linked from the HTML and listed in the manifest with the audit head', async () => {
    const { noteId, sheet, shot } = await setup();
    const out = join(db.dir, 'out');
    const r = await cli(['dossier', '1', '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const zip = unzipSync(readFileSync(join(out, readdirSync(out)[0]!)));
    const sheetPath = `files/${sha(sheet).slice(0, 12)}-sign-in_sheet.pdf`;
    const shotPath = `files/${sha(shot).slice(0, 12)}-chat.png`;
    expect(Object.keys(zip).sort()).toEqual(
      [
        'SHA256SUMS',
        'dandang-case-1-2026-06-01.csv',
        'dandang-case-1-2026-06-01.html',
        'manifest.json',
        sheetPath,
        shotPath,
      ].sort(),
    );
    // The bytes in the ZIP are the bytes attached.
    expect(sha(zip[sheetPath]!)).toBe(sha(sheet));
    expect(sha(zip[shotPath]!)).toBe(sha(shot));
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!));
    const head = r.out.find((l) => l.startsWith('Audit-chain head at export: '))!.split(': ')[1]!;
    expect(manifest).toMatchObject({ format: 'dandang-dossier/1', caseId: 1, employeeId: 'm1r1', auditHead: head });
    expect(manifest.files).toMatchObject([
      {
        path: sheetPath,
        sha256: sha(sheet),
        name: 'sign-in sheet.pdf',
        mime: 'application/pdf',
        record: { type: 'note', id: noteId },
      },
      { path: shotPath, sha256: sha(shot), name: 'chat.png', mime: 'image/png', record: { type: 'note', id: noteId } },
    ]);
    const html = strFromU8(zip['dandang-case-1-2026-06-01.html']!);
    expect(html).toContain(`<a href="${sheetPath.replace(' ', '%20')}">sign-in sheet.pdf</a>`);
    expect(html).toContain(sha(sheet));
    const sums = strFromU8(zip['SHA256SUMS']!);
    expect(sums).toContain(`${sha(sheet)}  ${sheetPath}\n`);
    expect(sums).toContain(`${sha(zip['dandang-case-1-2026-06-01.html']!)}  dandang-case-1-2026-06-01.html\n`);
    expect(strFromU8(zip['dandang-case-1-2026-06-01.csv']!)).toContain(`file,`);
  });

  it('refuses to write a dossier with an altered file, naming it', async () => {
    const { sheet } = await setup();
    writeFileSync(pathOf(sha(sheet)), pdf('forged'));
    const out = join(db.dir, 'out');
    const r = await cli(['dossier', '1', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain(`stored file ${sha(sheet)} no longer matches its SHA-256 (altered)`);
  });
});
