/**
 * `npm run dandang -- dossier <case id> --out DIR`: writes the case's dossier as HTML and CSV.
 * The operator on the server is trusted (no chat identity); the export is audited with actor null.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeExportDossier } from '../../src/usecases/offboarding/export-dossier.js';
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
  mkdirSync(dir, { recursive: true });
  const html = join(dir, `${result.value.filename}.html`);
  const csv = join(dir, `${result.value.filename}.csv`);
  writeFileSync(html, result.value.html);
  writeFileSync(csv, result.value.csv);
  ctx.out(`Wrote ${html}`);
  ctx.out(`Wrote ${csv}`);
  ctx.out(`Audit-chain head at export: ${result.value.auditHead}`);
  ctx.out(
    `Check it later with: npm run dandang -- audit verify --anchor ${result.value.auditRows}:${result.value.auditHead}`,
  );
  return EXIT_OK;
};
