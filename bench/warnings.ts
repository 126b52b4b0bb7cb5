/**
 * The early-warning backtest (issue 15): the shipped rules against "warn after the first missed
 * target", replayed week by week on the demo history and on the seeded synthetic organisation.
 * Figures, not timings; docs/warnings.md explains every column.
 */
import { loadConfig } from '../src/config.js';
import { settingsFromConfig } from '../src/config-settings.js';
import { syntheticOrganisation } from '../src/domain/warning/backtest/index.js';
import { DEFAULT_WARNING_SETTINGS } from '../src/domain/warning/index.js';
import { backtestReport } from '../adapters/cli/backtest-report.js';
import { demoBacktestSet } from '../adapters/local/demo/backtest-history.js';

export function benchWarnings(seed: number): void {
  // The default dandang.yml: the bench measures the shipped policy, not this machine's config.
  const settings = settingsFromConfig(loadConfig({ DANDANG_CONFIG: '/nonexistent/dandang.yml' }));
  const policy = DEFAULT_WARNING_SETTINGS.policy;
  console.log('\n[warn] early-warning backtest (default policy)');
  for (const set of [demoBacktestSet(settings, Date.now()), syntheticOrganisation({ seed })]) {
    const started = performance.now();
    const { lines } = backtestReport(set, policy);
    for (const line of lines) console.log(line);
    console.log(`  (replayed in ${Math.round(performance.now() - started)} ms)`);
  }
}
