/**
 * `npm run dandang -- demo reset`: empties the database and loads the demo organisation again, so
 * the local workspace can be tried from the start. It refuses a database that holds real people
 * (anyone outside the demo's email domain) unless `--force` is given.
 */
import type { CliCommand, CliContext } from './context.js';
import { EXIT_OK, EXIT_INVALID, EXIT_USAGE } from './context.js';
import { loadDemo } from '../local/demo/index.js';
import { DEMO_EMAIL_DOMAIN } from '../local/demo/org.js';

const USAGE =
  'Usage: npm run dandang -- demo reset [--force]\n  Empties the database and loads the demo organisation (about 8 weeks of history).';

/** Every table except drizzle's migration journal; foreign keys are off while they are emptied. */
function wipe(ctx: CliContext): number {
  const { sqlite } = ctx.conn;
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
    .all() as { name: string }[];
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const { name } of tables) sqlite.prepare(`DELETE FROM "${name.replace(/"/g, '""')}"`).run();
      const hasSequence = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get();
      if (hasSequence) sqlite.prepare('DELETE FROM sqlite_sequence').run();
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return tables.length;
}

export const runDemo: CliCommand = async (args, ctx) => {
  const [sub, ...flags] = args;
  if (sub !== 'reset') {
    ctx.err(USAGE);
    return EXIT_USAGE;
  }
  const force = flags.includes('--force');
  const real = ctx.store.read((tx) => tx.org.allPeople().filter((p) => !p.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)));
  if (real.length && !force) {
    ctx.err(
      `Refusing to reset: ${ctx.config.env.DANDANG_DB} holds ${real.length} people who are not demo people (e.g. ${real[0]!.email}). ` +
        'Point DANDANG_DB at a demo database, or add --force to erase everything.',
    );
    return EXIT_INVALID;
  }
  wipe(ctx);
  const summary = loadDemo({ conn: ctx.conn, store: ctx.store, clock: ctx.clock, settings: ctx.settings });
  if (!summary) {
    ctx.err('The database still has people after the reset; nothing was loaded.');
    return EXIT_INVALID;
  }
  ctx.out(
    `Demo loaded into ${ctx.config.env.DANDANG_DB}: ${summary.people} people, ${summary.reviews} past reviews, ${summary.cycles} cycles (${summary.openedCycles} open now).`,
  );
  ctx.out('Run `npm start` and open the printed URL.');
  return EXIT_OK;
};
