/**
 * `npm run dandang -- warn run`: this week's early-warning run now (the scheduler runs it weekly).
 * `npm run dandang -- warn backtest [--seed N]`: the rules replayed week by week on the demo history
 * and on a synthetic organisation, against the naive baseline (docs/warnings.md).
 */
import type { CliCommand } from './context.js';
import { EXIT_OK, EXIT_USAGE } from './context.js';
import { makeRunWeeklyWarnings } from '../../src/usecases/warning/run-weekly-warnings.js';
import { DEFAULT_WARNING_SETTINGS } from '../../src/domain/warning/index.js';
import { syntheticOrganisation } from '../../src/domain/warning/backtest/index.js';
import { backtestReport } from './backtest-report.js';
import { demoBacktestSet } from '../local/demo/backtest-history.js';

export const USAGE_WARN = 'Usage: npm run dandang -- warn run\n       npm run dandang -- warn backtest [--seed <n>]';

export const runWarn: CliCommand = async ([sub, ...args], ctx) => {
  if (sub === 'run' && !args.length) {
    const r = await makeRunWeeklyWarnings({ store: ctx.store, clock: ctx.clock, settings: ctx.settings })({
      force: true,
    });
    ctx.out(
      r.ran
        ? `Week ${r.week}: ${r.people} people checked, ${r.warnings} warnings, ${r.managersMessaged} managers messaged, ${r.managersWithGaps} with open duties, ${r.followUps} follow-ups recorded.`
        : `Week ${r.week} was already run; nothing sent.`,
    );
    return EXIT_OK;
  }
  if (sub === 'backtest') {
    const at = args.indexOf('--seed');
    const seed = at >= 0 ? Number(args[at + 1]) : undefined;
    if (at >= 0 && !Number.isInteger(seed)) {
      ctx.err(USAGE_WARN);
      return EXIT_USAGE;
    }
    const policy = (ctx.settings.warnings ?? DEFAULT_WARNING_SETTINGS).policy;
    for (const set of [
      demoBacktestSet(ctx.settings, ctx.clock.now()),
      syntheticOrganisation(seed === undefined ? {} : { seed }),
    ]) {
      for (const line of backtestReport(set, policy).lines) ctx.out(line);
      ctx.out('');
    }
    return EXIT_OK;
  }
  ctx.err(USAGE_WARN);
  return EXIT_USAGE;
};
