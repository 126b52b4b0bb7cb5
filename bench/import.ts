/**
 * A 50,000-person `org import` (issue 12, item 15), run as a user runs it: `npm run dandang`'s own
 * command line (read from package.json, so a change there is measured) in a child process, on a
 * fresh database file. Figures: wall time and the child's peak RSS, for a first import (everyone
 * created, each asked to acknowledge their KPIs) and for the same file again (nothing changes).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A CEO, HR, 50 directors, then managers of nine reports each, in 50 departments. */
export function syntheticPeopleCsv(people: number): string {
  const lines = [
    'id,name,email,manager_id,department,job,role,slack_id,feishu_open_id,locale,timezone,hire_date,team_channel_slack,team_channel_feishu,monthly_wage',
    'ceo,Chief Executive,ceo@example.com,,Management,team-manager,admin,UCEO,,en,Asia/Shanghai,2019-01-07,,,60000',
    'hr1,刘芳,hr1@example.com,ceo,People,hr-partner,hr,UHR1,,zh-CN,Asia/Shanghai,2020-03-02,,,18000',
  ];
  const directors = 50;
  for (let d = 0; d < directors; d++)
    lines.push(
      `d${d},Director ${d},d${d}@example.com,ceo,Dept${d},team-manager,employee,UD${d},,en,Asia/Shanghai,2020-01-01,,,30000`,
    );
  for (let m = 0; lines.length - 1 < people; m++) {
    const dept = `Dept${m % directors}`;
    lines.push(
      `m${m},经理 ${m},m${m}@example.com,d${m % directors},${dept},team-manager,employee,UM${m},,zh-CN,Asia/Shanghai,2021-01-01,,,25000`,
    );
    for (let r = 0; r < 9 && lines.length - 1 < people; r++)
      lines.push(
        `e${m}x${r},员工 ${m}-${r},e${m}x${r}@example.com,m${m},${dept},${r % 2 ? 'warehouse-picker' : 'sales-rep'},employee,UE${m}X${r},,zh-CN,Asia/Shanghai,2022-03-01,,,12000`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** `npm run dandang`'s command, split into the binary and its arguments. */
function dandangCommand(): { bin: string; args: string[] } {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts.dandang!;
  const [bin, ...args] = script.split(/\s+/);
  return { bin: bin === 'node' ? process.execPath : join(ROOT, 'node_modules/.bin', bin!), args };
}

interface Run {
  ms: number;
  peakRssMb: number;
  stdout: string;
}

function runCli(cliArgs: string[], env: Record<string, string>, rssFile: string): Promise<Run> {
  const { bin, args } = dandangCommand();
  // The preload reports the child's own peak RSS at exit. It goes with the node flags, before the
  // script (`node [flags] scripts/run.mjs <entry>`; tsx passes node flags on the same way).
  const script = args.findIndex((a) => !a.startsWith('-'));
  const argv = [
    ...args.slice(0, script),
    '--import',
    join(ROOT, 'bench/peak-rss.mjs'),
    ...args.slice(script),
    ...cliArgs,
  ];
  const started = performance.now();
  return new Promise((resolve, reject) =>
    execFile(
      bin,
      argv,
      { cwd: ROOT, env: { ...process.env, ...env, BENCH_PEAK_RSS_FILE: rssFile } },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`${cliArgs.join(' ')} failed: ${stderr || err.message}`));
        resolve({
          ms: performance.now() - started,
          peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024,
          stdout: stdout.trim(),
        });
      },
    ),
  );
}

export async function benchImport(people: number): Promise<{ first: Run; again: Run; people: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'dandang-bench-import-'));
  try {
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, syntheticPeopleCsv(people));
    // No platform credentials: the figures are the import's own, not the chat platforms' lookups.
    const env = {
      DANDANG_DB: join(dir, 'dandang.db'),
      DANDANG_CONFIG: join(dir, 'none.yml'),
      PATH: process.env.PATH ?? '',
    };
    const rss = join(dir, 'rss');
    await runCli(['jobs', 'import', join(ROOT, 'examples/jobs.yml')], env, rss);
    const first = await runCli(['org', 'import', csv], env, rss);
    const again = await runCli(['org', 'import', csv], env, rss);
    return { first, again, people };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
