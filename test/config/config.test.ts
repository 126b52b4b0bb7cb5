import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-errors.js';
import { loadConfig } from '../../src/config.js';
import { parseFileConfig } from '../../src/config-yaml.js';
import { retryWindowMs } from '../../src/config-delivery.js';
import { DEFAULT_WARNING_SETTINGS } from '../../src/domain/warning/settings.js';

const exampleYaml = readFileSync(new URL('../../dandang.example.yml', import.meta.url), 'utf8');

/** The error message a user would see for this dandang.yml. */
function fileError(yaml: string): string {
  try {
    parseFileConfig(yaml);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

function envError(env: Record<string, string>): string {
  try {
    loadConfig({ DANDANG_CONFIG: '/nonexistent/dandang.yml', ...env });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('dandang.yml', () => {
  it('the shipped dandang.example.yml is valid and sets every section', () => {
    const f = parseFileConfig(exampleYaml, 'dandang.example.yml');
    expect(f).toMatchObject({
      timezone: 'Asia/Shanghai',
      locale: 'zh-CN',
      holidays: 'CN',
      hrChannel: { slack: 'C0123456789' },
      digest: { after: '0h' },
    });
    expect(f.reminders.map((r) => r.after)).toEqual(['0h', '1d', '3d']);
    expect(f.schedule.departments.Warehouse).toEqual({ cadence: 'biweekly' });
    // The example spells out the early-warning defaults, so it must say exactly what they are.
    expect(f.warnings).toEqual(DEFAULT_WARNING_SETTINGS);
  });

  it('an empty file gives the defaults', () => {
    const f = parseFileConfig('');
    expect(f).toMatchObject({
      timezone: 'UTC',
      schedule: { default: { cadence: 'weekly', openDay: 'mon', openTime: '09:00', dueDay: 'fri', dueTime: '18:00' } },
    });
    expect(loadConfig({ DANDANG_CONFIG: '/nonexistent/dandang.yml' }).locale).toBe('en');
  });

  it('defaults to Chinese when Feishu is the only platform, unless the file says otherwise', () => {
    const feishuOnly = { DANDANG_CONFIG: '/nonexistent/dandang.yml', FEISHU_APP_ID: 'cli_a', FEISHU_APP_SECRET: 's' };
    expect(loadConfig(feishuOnly).locale).toBe('zh-CN');
    expect(loadConfig({ ...feishuOnly, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'x' }).locale).toBe('en');
    dir = mkdtempSync(join(tmpdir(), 'dandang-config-'));
    const file = join(dir, 'dandang.yml');
    writeFileSync(file, 'locale: en\n');
    expect(loadConfig({ ...feishuOnly, DANDANG_CONFIG: file }).locale).toBe('en');
  });

  it('a department override keeps the default for the keys it leaves out', () => {
    dir = mkdtempSync(join(tmpdir(), 'dandang-config-'));
    const file = join(dir, 'dandang.yml');
    writeFileSync(
      file,
      'schedule:\n  default:\n    dueTime: "17:00"\n  departments:\n    Warehouse:\n      cadence: biweekly\n',
    );
    const c = loadConfig({ DANDANG_CONFIG: file });
    expect(c.scheduleFor('Warehouse')).toEqual({
      cadence: 'biweekly',
      openDay: 'mon',
      openTime: '09:00',
      dueDay: 'fri',
      dueTime: '17:00',
    });
    expect(c.scheduleFor('Sales').cadence).toBe('weekly');
  });

  it('a bad timezone names the key and an example zone', () => {
    expect(fileError('timezone: Europe/Atlantis')).toContain(
      'dandang.yml timezone: use an IANA zone such as Asia/Shanghai or America/New_York',
    );
  });

  it('a bad cadence names the department path and the choices', () => {
    expect(fileError('schedule:\n  departments:\n    Sales:\n      cadence: yearly\n')).toContain(
      'dandang.yml schedule.departments.Sales.cadence: use weekly, biweekly or monthly',
    );
  });

  it('a bad reminder duration and recipient name the list position', () => {
    const msg = fileError('reminders:\n  - after: 0h\n    notify: [manager]\n  - after: 1 day\n    notify: [boss]\n');
    expect(msg).toContain('dandang.yml reminders.1.after: use a number with m, h or d, e.g. "0h", "1d", "90m"');
    expect(msg).toContain('dandang.yml reminders.1.notify.0: use manager, skip_manager or hr_channel');
  });

  it('a bad time of day and weekday', () => {
    const msg = fileError('schedule:\n  default:\n    dueTime: "6pm"\n    dueDay: friday\n');
    expect(msg).toContain('schedule.default.dueTime: use 24-hour HH:MM, e.g. "18:00"');
    expect(msg).toContain('schedule.default.dueDay: use mon, tue, wed, thu, fri, sat or sun');
  });

  it('a holiday country with no calendar', () => {
    expect(fileError('holidays: XX')).toContain('dandang.yml holidays: no holiday calendar for this country');
  });

  it('a misspelt key is reported, not silently ignored', () => {
    expect(fileError('timezon: UTC')).toContain(
      'dandang.yml timezon: unknown key "timezon"; remove it or check the spelling against dandang.example.yml',
    );
    expect(fileError('schedule:\n  default:\n    dueDate: fri\n')).toContain(
      'schedule.default.dueDate: unknown key "dueDate"',
    );
  });

  it("outbox pacing defaults to the platforms' published limits and can be tuned per key", () => {
    // Slack's workspace limit is unpublished: no ceiling by default, the sender starts at 4/s and adapts.
    expect(parseFileConfig('').delivery).toEqual({
      retryFor: '24h',
      callTimeoutSeconds: 15,
      slack: { startPerSecond: 4, burst: 10, perChannelPerSecond: 1 },
      feishu: { perSecond: 50, perMinute: 1000, perChatPerSecond: 5 },
    });
    const tuned = parseFileConfig('delivery:\n  slack:\n    perSecond: 20\n    perChannelPerSecond: 0.5\n');
    expect(tuned.delivery.slack).toEqual({ perSecond: 20, startPerSecond: 4, burst: 10, perChannelPerSecond: 0.5 });
    expect(tuned.delivery.feishu).toEqual({ perSecond: 50, perMinute: 1000, perChatPerSecond: 5 });
    expect(parseFileConfig(exampleYaml).delivery).toEqual(parseFileConfig('').delivery);
  });

  it('a bad pacing value names its key under delivery', () => {
    expect(fileError('delivery:\n  slack:\n    perSecond: 0\n')).toContain(
      'dandang.yml delivery.slack.perSecond: use a number greater than 0, such as 4',
    );
    expect(fileError('delivery:\n  slack:\n    perSecond: fast\n')).toContain(
      'dandang.yml delivery.slack.perSecond: use a number such as 4',
    );
    expect(fileError('delivery:\n  slack:\n    burst: 2.5\n')).toContain(
      'dandang.yml delivery.slack.burst: use a whole number such as 10',
    );
    expect(fileError('delivery:\n  feishu:\n    perMinute: -1\n')).toContain(
      'dandang.yml delivery.feishu.perMinute: use a number greater than 0, such as 1000',
    );
    expect(fileError('delivery:\n  feishu:\n    perChatPerSec: 5\n')).toContain(
      'dandang.yml delivery.feishu.perChatPerSec: unknown key "perChatPerSec"',
    );
    expect(fileError('delivery:\n  retryFor: forever\n')).toContain(
      'dandang.yml delivery.retryFor: use a number with m, h or d, e.g. "24h", "3d", "90m"',
    );
    expect(fileError('delivery:\n  callTimeoutSeconds: 0\n')).toContain(
      'dandang.yml delivery.callTimeoutSeconds: use a number of seconds of at least 1, such as 15',
    );
  });

  it('the retry window is elapsed time in ms', () => {
    expect(retryWindowMs(parseFileConfig('').delivery)).toBe(24 * 3_600_000);
    expect(retryWindowMs(parseFileConfig('delivery:\n  retryFor: 90m\n').delivery)).toBe(90 * 60_000);
    expect(retryWindowMs(parseFileConfig('delivery:\n  retryFor: 3d\n').delivery)).toBe(3 * 86_400_000);
  });

  it('broken YAML says so, with the file name', () => {
    expect(fileError('timezone: [UTC\n')).toMatch(/^dandang\.yml is not valid YAML/);
  });

  it('the local minimum wage is part of the severance settings (issue 10 #15), and must be positive', () => {
    expect(parseFileConfig('severance:\n  localMinimumMonthlyWage: 2690\n').severance).toEqual({
      localMinimumMonthlyWage: 2690,
      currency: 'CNY',
    });
    expect(fileError('severance:\n  localMinimumMonthlyWage: -1\n')).toContain(
      'dandang.yml severance.localMinimumMonthlyWage',
    );
  });

  it('a policy override that removes a statutory safeguard stops the start, naming the safeguard (issue 10 #3)', () => {
    dir = mkdtempSync(join(tmpdir(), 'dandang-config-'));
    const file = join(dir, 'dandang.yml');
    writeFileSync(file, 'policy:\n  preset: cn-art40\n  overrides:\n    misconduct:\n      blockersAtOpen: true\n');
    // Stricter is fine: Art. 42 checked on an Art. 39 case too.
    expect(loadConfig({ DANDANG_CONFIG: file }).policy.overrides).toEqual({ misconduct: { blockersAtOpen: true } });
    writeFileSync(
      file,
      'policy:\n  preset: cn-art40\n  overrides:\n    misconduct:\n      steps:\n        - { id: hr_approves, who: [hr] }\n        - { id: decision_issued, who: [hr], input: notice }\n',
    );
    let message = '';
    try {
      loadConfig({ DANDANG_CONFIG: file });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toContain('removes statutory safeguards of cn-art40');
    expect(message).toContain('misconduct.steps: "union_notified" is removed (LCL Art. 43; 法释〔2020〕26号 Art. 47)');
    expect(message).toContain('misconduct.steps: "hr_approves" no longer needs an independent person (LCL Art. 39)');
  });

  it('names the file it was loaded from', () => {
    dir = mkdtempSync(join(tmpdir(), 'dandang-config-'));
    const file = join(dir, 'custom.yml');
    writeFileSync(file, 'locale: fr\n');
    expect(() => loadConfig({ DANDANG_CONFIG: file })).toThrow(`${file} locale: use en or zh-CN`);
  });
});

describe('environment', () => {
  it('SLACK_APP_TOKEN must be an app-level token', () => {
    expect(envError({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xoxb-wrong' })).toContain(
      'env SLACK_APP_TOKEN: Set SLACK_APP_TOKEN (xapp-…) or remove it to use HTTP mode',
    );
  });

  it('SLACK_BOT_TOKEN must be a bot token, and the signing secret is needed with it', () => {
    expect(envError({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' })).toContain(
      'env SLACK_BOT_TOKEN: Set SLACK_BOT_TOKEN to the bot token (xoxb-…)',
    );
    expect(envError({ SLACK_BOT_TOKEN: 'xoxb-1' })).toContain('Set SLACK_SIGNING_SECRET');
  });

  it('PORT must be a number; Feishu needs both app id and secret', () => {
    expect(envError({ PORT: 'eighty' })).toContain('env PORT: PORT must be a number');
    expect(envError({ FEISHU_APP_ID: 'cli_1' })).toContain('Set both FEISHU_APP_ID and FEISHU_APP_SECRET');
  });

  it('with no credentials the local workspace is on and Slack/Feishu are off', () => {
    const c = loadConfig({ DANDANG_CONFIG: '/nonexistent/dandang.yml' });
    expect(c).toMatchObject({ slack: null, feishu: null, local: { enabled: true } });
  });
});
