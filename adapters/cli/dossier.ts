/**
 * `npm run dandang -- dossier <case id> --out DIR`: writes the case's dossier ZIP (its HTML and CSV,
 * every attached file read from DANDANG_FILES and checked against its hash, and the manifest).
 * The operator on the server is trusted (no chat identity); the export is audited with actor null.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeExportDossier } from '../../src/usecases/offboarding/export-dossier.js';
import { MissingFileError, uploadBytes } from '../files/materialize.js';
import { StoredFileError } from '../../src/ports/files.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliCommand } from './context.js';

export const USAGE_DOSSIER = 'Usage: npm run dandang -- dossier <case id> --out <dir>';

export function parseDossierArgs(args: string[]): { caseId: number; out: string } | null {
  let out: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out') out = args[++i] ?? null;
    else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else rest.push(a);
  }
  const id = rest[0]?.replace(/^#/, '');
  if (!out || !id || !/^\d+$/.test(id) || rest.length !== 1) return null;
  return { caseId: Number(id), out };
}

export const runDossier: CliCommand = async (args, ctx) => {
  const parsed = parseDossierArgs(args);
  if (!parsed) {
    ctx.err(USAGE_DOSSIER);
    return EXIT_USAGE;
  }
  const result = makeExportDossier({ store: ctx.store, clock: ctx.clock, settings: ctx.settings })({
    actorId: null,
    caseId: parsed.caseId,
    deliver: 'none',
  });
  if (!result.ok) {
    ctx.err(`case ${parsed.caseId}: ${result.message}`);
    return EXIT_INVALID;
  }
  const dir = resolve(parsed.out);
  let zip: Uint8Array;
  try {
    zip = await uploadBytes({ filename: '', title: '', archive: result.value.archive }, ctx.files);
  } catch (e) {
    // A missing or altered file is named, and nothing is written: the dossier would be incomplete.
    if (e instanceof MissingFileError || e instanceof StoredFileError) {
      ctx.err(`case ${parsed.caseId}: ${e.message}. Run: npm run dandang -- audit verify`);
      return EXIT_INVALID;
    }
    throw e;
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.value.filename}.zip`);
  writeFileSync(file, zip);
  ctx.out(`Wrote ${file} (${result.value.files.length} attached file(s), manifest.json, SHA256SUMS)`);
  ctx.out(`Audit-chain head at export: ${result.value.auditHead}`);
  ctx.out(
    `Check it later with: npm run dandang -- audit verify --anchor ${result.value.auditRows}:${result.value.auditHead}`,
  );
  return EXIT_OK;
};
