/**
 * `audit verify [--anchor <rows>:<hash>]`: checks the audit log's chain, signatures (with
 * DANDANG_AUDIT_KEY), signed head, checkpoints and tripwires, and optionally that a head published
 * earlier (the HR channel's daily checkpoint message, a dossier) is still in the chain; then that
 * every evidence file the chain records is in DANDANG_FILES and matches its SHA-256.
 */
import { verifyAuditLog } from '../../db/repos/audit.js';
import { verifyAttachedFiles, type FileVerification } from '../../db/repos/audit-files.js';
import type { AuditVerification } from '../../src/domain/audit-chain.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext } from './context.js';

export const USAGE_AUDIT = 'Usage: npm run dandang -- audit verify [--anchor <rows>:<head hash>]';

function parseAnchor(args: string[]): { rows: number; hash: string } | null | 'bad' {
  if (!args.length) return null;
  const value = args[0] === '--anchor' ? args[1] : args[0]?.startsWith('--anchor=') ? args[0].slice(9) : undefined;
  if (args.length > (args[0] === '--anchor' ? 2 : 1)) return 'bad';
  const m = /^(\d+):([0-9a-f]{64})$/.exec(value ?? '');
  return m ? { rows: Number(m[1]), hash: m[2]! } : 'bad';
}

/** Prints a verification: one OK line, or the first problem in the established form and the rest. */
export function printVerification(v: AuditVerification, ctx: Pick<CliContext, 'out' | 'err'>): boolean {
  if (!v.problems.length) {
    ctx.out(`Audit log OK: ${v.rows} row(s), chain head ${v.head}.`);
    ctx.out(
      v.signed
        ? `Signatures, the signed head and ${v.checkpoints} checkpoint(s) verified with DANDANG_AUDIT_KEY.`
        : 'Chain and counts verified. Signatures were NOT checked: set DANDANG_AUDIT_KEY to detect re-hashed rewrites and truncation.',
    );
    return true;
  }
  const [first, ...rest] = v.problems;
  ctx.err(
    first!.rowId !== null
      ? `Audit log BROKEN at row ${first!.rowId}: ${first!.message}. Rows from ${first!.rowId} on cannot be trusted; restore them from a backup.`
      : `Audit log BROKEN: ${first!.message}.`,
  );
  for (const p of rest) ctx.err(`  also (${p.kind})${p.rowId !== null ? ` at row ${p.rowId}` : ''}: ${p.message}`);
  if (!v.signed) ctx.err('Signatures were not checked (no DANDANG_AUDIT_KEY).');
  return false;
}

/** Prints the evidence files' check: one OK line, or each missing or altered file, named. */
export function printFileVerification(v: FileVerification, ctx: Pick<CliContext, 'out' | 'err'>): boolean {
  if (!v.problems.length) {
    ctx.out(
      `Evidence files OK: ${v.ok} file(s) present in DANDANG_FILES and matching the SHA-256 in the audit log` +
        (v.erased ? ` (${v.erased} erased with their records by retention).` : '.'),
    );
    return true;
  }
  ctx.err(`Evidence files BROKEN: ${v.problems.length} of ${v.ok + v.problems.length} file(s) cannot be trusted.`);
  for (const p of v.problems) ctx.err(`  ${p.message} (audit row ${p.auditRowId}).`);
  ctx.err('Restore the files from a backup of DANDANG_FILES (they are named by their SHA-256).');
  return false;
}

export const auditCommand: CliCommand = async ([sub, ...rest], ctx) => {
  const anchor = parseAnchor(rest);
  if (sub !== 'verify' || anchor === 'bad') {
    ctx.err(USAGE_AUDIT);
    return EXIT_USAGE;
  }
  const chain = printVerification(verifyAuditLog(ctx.conn, anchor), ctx);
  // The hashes are only worth checking against once the chain that holds them is intact.
  const files = chain ? printFileVerification(await verifyAttachedFiles(ctx.conn, ctx.files), ctx) : true;
  return chain && files ? EXIT_OK : EXIT_INVALID;
};
