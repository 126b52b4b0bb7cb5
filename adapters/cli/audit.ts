/** `audit verify`: walks the hash chain of the audit log and names the first row that was altered. */
import { verifyAuditChain } from '../../db/repos/audit.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliCommand } from './context.js';

export const auditCommand: CliCommand = async ([sub, ...rest], ctx) => {
  if (sub !== 'verify' || rest.length) {
    ctx.err('Usage: npm run dandang -- audit verify');
    return EXIT_USAGE;
  }
  const { rows, broken, head } = verifyAuditChain(ctx.conn.sqlite);
  if (broken) {
    ctx.err(
      `Audit log BROKEN at row ${broken.id}: ${broken.reason}. Rows from ${broken.id} on cannot be trusted; restore them from a backup.`,
    );
    return EXIT_INVALID;
  }
  ctx.out(`Audit log OK: ${rows} row(s), chain head ${head}.`);
  return EXIT_OK;
};
