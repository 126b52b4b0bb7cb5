/**
 * The `npm run dandang -- <command>` adapter: config → database → store, then one command.
 * Exit codes: 0 ok, 1 the input was invalid (every problem printed), 2 usage or configuration error.
 */
import { ConfigError } from '../../src/config-errors.js';
import { loadConfig } from '../../src/config.js';
import { systemClock, type Clock } from '../../src/ports/clock.js';
import { composeStore } from '../compose.js';
import { loggerFor } from '../logging.js';
import { EXIT_USAGE, type CliCommand, type CliContext } from './context.js';
import {
  jobsCommand,
  kpiCommand,
  leaveCommand,
  orgCommand,
  USAGE_JOBS,
  USAGE_KPI,
  USAGE_LEAVE,
  USAGE_ORG,
} from './imports.js';
import { auditCommand, USAGE_AUDIT } from './audit.js';
import { backupCommand, restoreCommand, USAGE_BACKUP, USAGE_RESTORE } from './backup.js';
import { keysCommand, USAGE_KEYS } from './keys.js';
import { prepareKeys } from '../../db/keys.js';
import { SealedValueError } from '../../db/sealed.js';
import { AuditKeyMissingError } from '../../db/repos/audit.js';
import { outboxCommand, USAGE_OUTBOX } from './outbox.js';
import { retentionCommand, USAGE_RETENTION } from './retention.js';

export const HELP = [
  'Dandang command line. Run from the project directory; reads the same env and dandang.yml as `npm start`.',
  '',
  USAGE_ORG,
  '  Creates/updates people; people missing from the file become inactive. A missing slack_id is looked',
  '  up by email when SLACK_BOT_TOKEN is set (and a missing feishu_open_id when FEISHU_* is set).',
  '  A file that would deactivate more than orgImport.maxDeactivationShare of the active people (10%),',
  '  or every HR and admin account, is refused unless --allow-mass-deactivation is given.',
  USAGE_JOBS,
  '  Creates/updates job profiles; changed KPIs get a new version that holders are asked to acknowledge.',
  USAGE_KPI,
  "  Records KPI figures from the company's systems (period 2026-W49, 2026-W47/48 or 2026-12); the review",
  '  form offers them pre-filled. Sending the same person, KPI, period and source again replaces the figure.',
  USAGE_LEAVE,
  "  Someone on leave on a period's due date gets no review slot for that period.",
  USAGE_AUDIT,
  '  Checks the audit log: hash chain, signatures and checkpoints (with DANDANG_AUDIT_KEY), and a head',
  '  published earlier (the HR channel checkpoint message), and that every attached evidence file is in',
  '  DANDANG_FILES and matches its SHA-256; exits 1 naming the first altered row or each missing or altered file.',
  USAGE_BACKUP,
  '  Takes an online, checked copy of the database while the bot runs (--daily: into backup.dir, pruned).',
  USAGE_RESTORE,
  '  Checks the backup and restores it; refuses to replace a newer database unless --force is given.',
  USAGE_KEYS,
  '  Makes a key, counts values per data key, or re-seals every value under DANDANG_DATA_KEY.',
  USAGE_OUTBOX,
  USAGE_RETENTION,
  "  Deletes the personal content of terminated employees' records after the policy's retention period.",
  'Usage: npm run dandang -- demo reset [--force]',
  '  Empties the database and loads the demo organisation for the local workspace.',
  'Usage: npm run dandang -- dossier <case id> --out <dir>',
  '  Writes the evidence dossier of an offboarding case.',
  'Usage: npm run dandang -- report export [--period <2026-W49>] [--department <name>] [--format xlsx|csv] [--out <file>]',
  '  Writes the performance report (one row per person per KPI; a sheet per department in xlsx).',
  'Usage: npm run dandang -- warn run | warn backtest [--seed <n>]',
  "  Runs this week's early warnings now, or replays the rules on the demo and a synthetic organisation.",
  '',
  'Exit codes: 0 ok, 1 invalid input (each problem printed as file:line: field: message), 2 usage or configuration error.',
].join('\n');

/** Commands with heavy imports (the demo loader, the dossier export), loaded only when used. */
const lazy = {
  demo: async () => (await import('./demo.js')).runDemo,
  dossier: async () => (await import('./dossier.js')).runDossier,
  warn: async () => (await import('./warn.js')).runWarn,
  report: async () => (await import('./report.js')).runReport,
} satisfies Record<string, () => Promise<CliCommand>>;

const commands: Record<string, () => Promise<CliCommand>> = {
  org: async () => orgCommand,
  jobs: async () => jobsCommand,
  leave: async () => leaveCommand,
  kpi: async () => kpiCommand,
  audit: async () => auditCommand,
  backup: async () => backupCommand,
  restore: async () => restoreCommand,
  keys: async () => keysCommand,
  outbox: async () => outboxCommand,
  retention: async () => retentionCommand,
  ...lazy,
};

/** Commands that need no data key (they open no sealed value) and write nothing to the audit log. */
const keyless = (name: string, args: string[]) =>
  name === 'audit' || name === 'restore' || (name === 'keys' && args[0] !== 'rotate');

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export async function runCli(
  argv: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
  clock: Clock = systemClock,
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.out : io.err)(HELP);
    return name ? 0 : EXIT_USAGE;
  }
  const load = commands[name];
  if (!load) {
    io.err(`Unknown command "${name}".\n\n${HELP}`);
    return EXIT_USAGE;
  }
  let command: CliCommand;
  try {
    command = await load();
  } catch (e) {
    io.err(`Could not load the "${name}" command: ${(e as Error).message}`);
    return EXIT_USAGE;
  }

  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(e.message);
      return EXIT_USAGE;
    }
    throw e;
  }
  const composed = composeStore(config, { clock, log: loggerFor(config, 'stderr') });
  try {
    if (!keyless(name, args)) {
      const { refusal, signedRows, newDataKey } = prepareKeys(composed.conn);
      if (refusal) {
        io.err(refusal);
        return EXIT_USAGE;
      }
      if (signedRows)
        io.err(`Signed the ${signedRows} existing audit rows with DANDANG_AUDIT_KEY (first use of the key).`);
      if (newDataKey && !(name === 'keys' && args[0] === 'rotate'))
        io.err('A new DANDANG_DATA_KEY: run `npm run dandang -- keys rotate` to seal what was stored before it.');
    }
    const ctx: CliContext = { ...composed, out: io.out, err: io.err };
    return await command(args, ctx);
  } catch (e) {
    // A missing key is a configuration error with a one-line fix, not a crash.
    if (e instanceof SealedValueError || e instanceof AuditKeyMissingError) {
      io.err(e.message);
      return EXIT_USAGE;
    }
    throw e;
  } finally {
    composed.conn.close();
  }
}
