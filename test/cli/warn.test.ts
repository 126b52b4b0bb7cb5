import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliSandbox, runCliText } from '../support/cli.js';

let dir: string;
let env: Record<string, string>;
beforeEach(() => {
  ({ dir, env } = cliSandbox('dandang-warn-', 'x.yml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCliText(args, env);

describe('npm run dandang -- warn', () => {
  it('backtest prints the figures for the demo history and the synthetic organisation, against the baseline', async () => {
    const r = await cli(['warn', 'backtest']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\[backtest\] demo history \(\d+ weeks, 9 people with reviews\)/);
    expect(r.out).toContain('[backtest] synthetic organisation (seed 15, 500 people, 40 weeks)');
    expect(r.out).toMatch(/Dandang's warning \(this policy\) +811 +14\.3 % +100\.0 % \(98\/98\) +2 weeks/);
    expect(r.out).toMatch(/baseline: warn after the first missed target +1156 +12\.2 % +100\.0 % \(98\/98\) +0 weeks/);
    expect(r.out).toContain('verdict: the warning beats the baseline on precision');
  });

  it('backtest takes another seed, and refuses a bad one', async () => {
    expect((await cli(['warn', 'backtest', '--seed', '16'])).out).toContain('synthetic organisation (seed 16');
    const bad = await cli(['warn', 'backtest', '--seed', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Usage: npm run dandang -- warn');
  });

  it('run on an empty organisation checks nobody and says so, once a week', async () => {
    const first = await cli(['warn', 'run']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Week \d{4}-W\d{2}: 0 people checked, 0 warnings/);
    expect((await cli(['warn', 'run'])).out).toMatch(/was already run; nothing sent/);
  });
});
