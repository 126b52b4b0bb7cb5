/** `org import`, `jobs import`, `kpi import` and `leave …`: read the file, call the use case, print the outcome. */
import { readFileSync } from 'node:fs';
import { makeImportOrg } from '../../src/usecases/org/import-org.js';
import { makeImportJobs } from '../../src/usecases/org/import-jobs.js';
import { makeAddLeaves } from '../../src/usecases/org/add-leaves.js';
import { makeRecordKpiActuals } from '../../src/usecases/review/record-kpi-actuals.js';
import { formatIssue, importIssues } from '../../src/usecases/org/import/issues.js';
import type { Failure } from '../../src/usecases/result.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext } from './context.js';
import { percentOf } from '../../src/usecases/org/import/deactivation-guard.js';

/** The file's text, or null after printing why it could not be read. */
function readInput(path: string | undefined, usage: string, ctx: CliContext): string | null {
  if (!path) {
    ctx.err(usage);
    return null;
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    ctx.err(
      `Cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
    return null;
  }
}

/** Prints every problem as `file:line: field: message` (what editors and CI logs link to). */
function printIssues(file: string, failure: Failure, ctx: CliContext): number {
  const issues = importIssues(failure);
  for (const i of issues) ctx.err(formatIssue(file, i));
  ctx.err(failure.message);
  return failure.code === 'INVALID_INPUT' ? EXIT_INVALID : EXIT_USAGE;
}

const ALLOW_MASS_DEACTIVATION = '--allow-mass-deactivation';
export const USAGE_ORG = 'Usage: npm run dandang -- org import <people.csv>';
export const USAGE_JOBS = 'Usage: npm run dandang -- jobs import <jobs.yml>';
export const USAGE_KPI =
  'Usage: npm run dandang -- kpi import <actuals.csv>   (columns person_id,kpi_key,period,value[,source])';
export const USAGE_LEAVE =
  'Usage: npm run dandang -- leave add <person id> <from YYYY-MM-DD> <to YYYY-MM-DD> [--kind <kind>] [reason]\n       npm run dandang -- leave import <leave.csv>   (columns person_id,start_date,end_date,reason,kind)\n  kind: annual, personal, sick, medical, maternity, paternity, nursing, work_injury, marriage, bereavement, other';

export const orgCommand: CliCommand = async (args, ctx) => {
  const allowMassDeactivation = args.includes(ALLOW_MASS_DEACTIVATION);
  const [sub, file, ...rest] = args.filter((a) => a !== ALLOW_MASS_DEACTIVATION);
  if (sub !== 'import' || rest.length) return usage(USAGE_ORG, ctx);
  const csv = readInput(file, USAGE_ORG, ctx);
  if (csv === null) return EXIT_USAGE;
  // The platform SDKs are loaded only when a platform is configured (they weigh ~90 MB).
  const lookups = ctx.config.slack || ctx.config.feishu ? (await import('./lookups.js')).lookupsFor(ctx.config) : {};
  const importOrg = makeImportOrg({ store: ctx.store, clock: ctx.clock, settings: ctx.settings, ...lookups });
  const r = await importOrg({ csv, allowMassDeactivation });
  if (!r.ok) return printIssues(file!, r, ctx);
  const v = r.value;
  ctx.out(
    `Imported ${file}: ${v.created} created, ${v.updated} updated, ${v.deactivated} deactivated, ${v.unchanged} unchanged.`,
  );
  if (v.massDeactivation)
    ctx.err(
      `warning: ${v.deactivated} of ${v.activeBefore} active people (${percentOf(v.deactivated, v.activeBefore)}%) deactivated (${ALLOW_MASS_DEACTIVATION}).`,
    );
  if (v.askedToAcknowledgeKpis)
    ctx.out(`${v.askedToAcknowledgeKpis} people asked to acknowledge the KPIs of their job.`);
  if (v.resolved.slack || v.resolved.feishu)
    ctx.out(`Found by email: ${v.resolved.slack} Slack id(s), ${v.resolved.feishu} Feishu open_id(s).`);
  for (const u of v.unresolved)
    ctx.err(
      `warning: no ${u.platform === 'slack' ? 'Slack' : 'Feishu'} account for ${u.id} (${u.email}): ${u.reason}. They get no messages there until the id is filled in.`,
    );
  return EXIT_OK;
};

export const jobsCommand: CliCommand = async ([sub, file, ...rest], ctx) => {
  if (sub !== 'import' || rest.length) return usage(USAGE_JOBS, ctx);
  const yaml = readInput(file, USAGE_JOBS, ctx);
  if (yaml === null) return EXIT_USAGE;
  const r = await makeImportJobs({ store: ctx.store, clock: ctx.clock, settings: ctx.settings })({ yaml });
  if (!r.ok) return printIssues(file!, r, ctx);
  const v = r.value;
  ctx.out(`Imported ${file}: ${v.created} created, ${v.updated} updated, ${v.unchanged} unchanged.`);
  for (const k of v.kpiVersions)
    ctx.out(`KPIs of ${k.jobId} are now version ${k.version}; holders are asked to acknowledge them.`);
  return EXIT_OK;
};

export const kpiCommand: CliCommand = async ([sub, file, ...rest], ctx) => {
  if (sub !== 'import' || rest.length) return usage(USAGE_KPI, ctx);
  const csv = readInput(file, USAGE_KPI, ctx);
  if (csv === null) return EXIT_USAGE;
  const r = makeRecordKpiActuals({ store: ctx.store, clock: ctx.clock, settings: ctx.settings })({ csv });
  if (!r.ok) return printIssues(file!, r, ctx);
  const v = r.value;
  ctx.out(`Imported ${file}: ${v.created} figure(s) recorded, ${v.updated} replaced, ${v.unchanged} unchanged.`);
  return EXIT_OK;
};

export const leaveCommand: CliCommand = async ([sub, ...args], ctx) => {
  const addLeaves = makeAddLeaves({ store: ctx.store, clock: ctx.clock, settings: ctx.settings });
  if (sub === 'import' && args.length === 1) {
    const csv = readInput(args[0], USAGE_LEAVE, ctx);
    if (csv === null) return EXIT_USAGE;
    const r = await addLeaves({ csv });
    if (!r.ok) return printIssues(args[0]!, r, ctx);
    ctx.out(`Imported ${args[0]}: ${r.value.added} leave(s) added, ${r.value.skipped} already recorded.`);
    return EXIT_OK;
  }
  if (sub === 'add' && args.length >= 3) {
    const [personId, startDate, endDate, ...rest] = args as [string, string, string, ...string[]];
    const at = rest.indexOf('--kind');
    const kind = at >= 0 ? (rest[at + 1] ?? '') : '';
    const reason = at >= 0 ? [...rest.slice(0, at), ...rest.slice(at + 2)] : rest;
    const r = await addLeaves({ leave: { personId, startDate, endDate, reason: reason.join(' '), kind } });
    if (!r.ok) {
      // A command has no file lines: print just the field and message.
      for (const i of importIssues(r)) ctx.err(`leave add: ${i.field}: ${i.message}`);
      return r.code === 'INVALID_INPUT' ? EXIT_INVALID : EXIT_USAGE;
    }
    ctx.out(
      r.value.added
        ? `${personId} is on leave from ${startDate} to ${endDate}.`
        : `${personId} was already on leave for all of ${startDate} to ${endDate}.`,
    );
    return EXIT_OK;
  }
  return usage(USAGE_LEAVE, ctx);
};

function usage(text: string, ctx: CliContext): number {
  ctx.err(text);
  return EXIT_USAGE;
}
