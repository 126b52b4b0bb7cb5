/**
 * `retention run [--dry-run]`: deletes the personal content of terminated employees' records whose
 * retention period has passed (the bot also runs it daily). `--dry-run` lists who is due.
 */
import { makeRunRetention } from '../../src/usecases/schedule/run-retention.js';
import { discardUnreferenced } from '../files/intake.js';
import { EXIT_OK, EXIT_USAGE, type CliCommand } from './context.js';

export const USAGE_RETENTION = 'Usage: npm run dandang -- retention run [--dry-run]';

export const retentionCommand: CliCommand = async ([sub, ...flags], ctx) => {
  const dryRun = flags.includes('--dry-run');
  if (sub !== 'run' || flags.some((f) => f !== '--dry-run')) {
    ctx.err(USAGE_RETENTION);
    return EXIT_USAGE;
  }
  const r = makeRunRetention(ctx)({ actorId: null, dryRun });
  if (!r.ok) {
    ctx.err(r.message);
    return EXIT_USAGE;
  }
  const { years, statutory, erased, held, files } = r.value;
  await discardUnreferenced(ctx.store, ctx.files, files);
  ctx.out(`Retention: ${years} year(s) after termination${statutory ? ` (${statutory})` : ''}.`);
  for (const e of erased)
    ctx.out(
      dryRun
        ? `  due: ${e.personId} (left ${e.leftOn}, kept until ${e.keptUntil})`
        : `  erased: ${e.personId} (left ${e.leftOn}): ${
            Object.entries(e.rows)
              .map(([table, n]) => `${n} ${table}`)
              .join(', ') || 'nothing was recorded'
          }`,
    );
  for (const h of held) ctx.out(`  held: ${h.personId} has open case(s) ${h.caseIds.map((id) => `#${id}`).join(', ')}`);
  ctx.out(
    dryRun
      ? `${erased.length} person(s) due; nothing was deleted (dry run).`
      : `${erased.length} person(s) erased, ${held.length} held. Each erasure is in the audit log (retention.erase).`,
  );
  return EXIT_OK;
};
