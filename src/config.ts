/**
 * The only place that reads process.env. Env selects platforms and secrets; the YAML file
 * (DANDANG_CONFIG, default ./dandang.yml) holds the organisation's settings. Errors name the key
 * and say how to fix it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { HR_LOCAL_CHANNEL, type AppSettings } from './ports/settings.js';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isKnownHolidayCountry } from './domain/calendar.js';
import { PolicyError, resolvePolicy, type PolicySource } from './domain/policy/resolve.js';
import { warningsSchema } from './config-warnings.js';
import { time, weekday } from './config-fields.js';
import { filesSchema, megabytesToBytes } from './config-files.js';
import { defaultLocale } from './domain/locale.js';
import type { Schedule } from './domain/schedule.js';

const isTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** 32 random bytes, in base64 (44 characters) or hex (64); the error says how to make one. */
const secretKey = (name: string) =>
  z.string().transform((value, ctx) => {
    const v = value.trim();
    const bytes = /^[0-9a-fA-F]{64}$/.test(v)
      ? Buffer.from(v, 'hex')
      : /^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(v)
        ? Buffer.from(v, 'base64')
        : null;
    if (bytes?.length === 32) return bytes;
    ctx.issues.push({
      code: 'custom',
      input: '(hidden)',
      message: `Set ${name} to 32 random bytes in base64 or hex; make one with: npm run dandang -- keys generate`,
    });
    return z.NEVER;
  });

const flag = (hint: string) => z.enum(['0', '1'], `use 1 to ${hint}, or unset it`).optional();

const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .startsWith('xoxb-', 'Set SLACK_BOT_TOKEN to the bot token (xoxb-…) from OAuth & Permissions')
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z
    .string()
    .startsWith('xapp-', 'Set SLACK_APP_TOKEN (xapp-…) or remove it to use HTTP mode')
    .optional(),
  SLACK_API_URL: z.url('SLACK_API_URL must be a URL such as https://slack.com/api/').optional(),
  FEISHU_APP_ID: z.string().min(1).optional(),
  FEISHU_APP_SECRET: z.string().min(1).optional(),
  FEISHU_DOMAIN: z.string().min(1).optional(),
  FEISHU_VERIFICATION_TOKEN: z.string().min(1).optional(),
  FEISHU_ENCRYPT_KEY: z.string().min(1).optional(),
  /** `ws` (long connection, default) or `http` (callbacks at /feishu/events and /feishu/cards). */
  FEISHU_MODE: z.enum(['ws', 'http'], 'FEISHU_MODE must be "ws" or "http"').default('ws'),
  /** Allow HTTP callback mode without an encrypt key. Only for a trusted network. */
  FEISHU_ALLOW_INSECURE: z.enum(['0', '1', 'true', 'false']).optional(),
  PORT: z.coerce.number('PORT must be a number such as 3000').int().min(0).max(65535).default(3000),
  /** Host the HTTP server binds; the local workspace refuses a non-loopback host unless DANDANG_LOCAL_ALLOW_REMOTE=1. */
  HOST: z.string().default('127.0.0.1'),
  DANDANG_DB: z.string().default('./data/dandang.db'),
  DANDANG_CONFIG: z.string().default('./dandang.yml'),
  /** Folder of the evidence files attached to records (content-addressed, sealed with DANDANG_DATA_KEY). */
  DANDANG_FILES: z
    .string()
    .min(1, 'Set DANDANG_FILES to a folder path such as ./data/files, or unset it')
    .default('./data/files'),
  /** Force the local workspace on (1) or off (0); by default it runs only with no platform credentials. */
  DANDANG_LOCAL: z.enum(['0', '1']).optional(),
  DANDANG_LOCAL_ALLOW_REMOTE: z.enum(['0', '1']).optional(),
  /** How much is logged: fatal, error, warn, info (default), debug, trace or silent. */
  LOG_LEVEL: z
    .enum(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    )
    .default('info'),
  /** `json` (one object per line) or `pretty`; by default pretty in a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty'], 'LOG_FORMAT must be "json" or "pretty"').optional(),
  /** Seals the sensitive text columns (AES-256-GCM). Required with platform credentials. */
  DANDANG_DATA_KEY: secretKey('DANDANG_DATA_KEY').optional(),
  /** Earlier data keys, comma-separated: read (never written) while `keys rotate` re-seals. */
  DANDANG_DATA_KEY_OLD: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const keys: Buffer[] = [];
      for (const [i, part] of (v ?? '').split(',').entries()) {
        if (!part.trim()) continue;
        const k = secretKey(`DANDANG_DATA_KEY_OLD (key ${i + 1})`).safeParse(part);
        if (k.success) keys.push(k.data);
        else
          for (const issue of k.error.issues)
            ctx.issues.push({ code: 'custom', input: '(hidden)', message: issue.message });
      }
      return keys;
    }),
  /** Signs the audit log (HMAC-SHA256). Required with platform credentials. */
  DANDANG_AUDIT_KEY: secretKey('DANDANG_AUDIT_KEY').optional(),
  /**
   * Turns on POST /api/v1/kpi-actuals for the company's systems; they send it as
   * `Authorization: Bearer <token>`. Unset, the API answers 404.
   */
  DANDANG_API_TOKEN: z
    .string()
    .trim()
    .min(
      24,
      'Set DANDANG_API_TOKEN to a long random string (at least 24 characters; make one with: openssl rand -hex 32), or unset it to turn the API off',
    )
    .optional(),
  DANDANG_ALLOW_PLAINTEXT: flag('start with platform credentials but no DANDANG_DATA_KEY'),
  DANDANG_ALLOW_UNSIGNED_AUDIT: flag('start with platform credentials but no DANDANG_AUDIT_KEY'),
});

const duration = z.string().regex(/^\d+[mhd]$/, 'use a number with m, h or d, e.g. "0h", "1d", "90m"');

const scheduleSchema = z.strictObject({
  cadence: z.enum(['weekly', 'biweekly', 'monthly'], 'use weekly, biweekly or monthly').default('weekly'),
  /** When the cycle opens and managers are nudged, in each manager's own timezone. */
  openDay: weekday.default('mon'),
  openTime: time.default('09:00'),
  /** When reviews are due. For monthly cadence, the last working day of the month. */
  dueDay: weekday.default('fri'),
  dueTime: time.default('18:00'),
}) satisfies z.ZodType<Schedule>; // the domain's Schedule (src/domain/schedule.ts)

/** A department's overrides: no defaults here, so unset keys fall through to `schedule.default`. */
const scheduleOverrideSchema = z.strictObject({
  cadence: z.enum(['weekly', 'biweekly', 'monthly'], 'use weekly, biweekly or monthly').optional(),
  openDay: weekday.optional(),
  openTime: time.optional(),
  dueDay: weekday.optional(),
  dueTime: time.optional(),
});

const channelSchema = z.strictObject({ slack: z.string().optional(), feishu: z.string().optional() }).default({});

/** Messages per time unit for the outbox senders: a positive number, fractions allowed (0.5 = one every 2 s). */
const rate = (example: string) =>
  z.number(`use a number such as ${example}`).positive(`use a number greater than 0, such as ${example}`);

/**
 * Outbox pacing per platform. Feishu's defaults are its documented limits. Slack does not publish
 * its workspace-wide chat.postMessage limit as a number, so the Slack sender finds it: it starts at
 * `startPerSecond`, rises while calls succeed and backs off on a 429; `perSecond`, when set, is the
 * limit you know, used from the start and never exceeded.
 */
const slackDeliverySchema = z.strictObject({
  /** Optional ceiling: the workspace-wide rate of chat.postMessage / chat.update calls, if you know it. */
  perSecond: rate('4').optional(),
  /** Where the adaptive rate starts when `perSecond` is not set: a rate every workspace allows. */
  startPerSecond: rate('4').default(4),
  /** With `perSecond`: calls allowed back to back after a quiet period, on top of the sustained rate. */
  burst: z
    .number('use a whole number such as 10')
    .int('use a whole number such as 10')
    .min(1, 'use a whole number of at least 1, such as 10')
    .default(10),
  /** Rate per channel or DM (Slack allows about one message per second per channel). */
  perChannelPerSecond: rate('1').default(1),
});

const feishuDeliverySchema = z.strictObject({
  /** Per-app rate of message sends. */
  perSecond: rate('50').default(50),
  /** Per-app rate over a minute, enforced alongside `perSecond`. */
  perMinute: rate('1000').default(1000),
  /** Rate per chat or person. */
  perChatPerSecond: rate('5').default(5),
});

const deliveryDefaults = {
  retryFor: '24h',
  callTimeoutSeconds: 15,
  slack: slackDeliverySchema.parse({}),
  feishu: feishuDeliverySchema.parse({}),
};

const deliverySchema = z
  .strictObject({
    /**
     * How long a message keeps being retried after transient failures (5xx, network, timeouts)
     * before it is set aside and HR is alerted. `npm run dandang -- outbox retry` re-queues it.
     */
    retryFor: z
      .string()
      .regex(/^[1-9]\d*[mhd]$/, 'use a number with m, h or d, e.g. "24h", "3d", "90m"')
      .default(deliveryDefaults.retryFor),
    /** Every Slack and Feishu API call gives up after this long (a timed-out send is reconciled like a crash). */
    callTimeoutSeconds: z
      .number('use a number of seconds such as 15')
      .min(1, 'use a number of seconds of at least 1, such as 15')
      .max(300, 'use at most 300 seconds')
      .default(deliveryDefaults.callTimeoutSeconds),
    slack: slackDeliverySchema.default(deliveryDefaults.slack),
    feishu: feishuDeliverySchema.default(deliveryDefaults.feishu),
  })
  .default(deliveryDefaults);

const fileSchema = z.strictObject({
  timezone: z.string().refine(isTimezone, 'use an IANA zone such as Asia/Shanghai or America/New_York').default('UTC'),
  /** Unset: see `Config.locale`. */
  locale: z.enum(['en', 'zh-CN'], 'use en or zh-CN').optional(),
  /** ISO country for public holidays (date-holidays); CN also honours make-up workdays (调休). */
  holidays: z
    .string()
    .regex(/^[A-Z]{2}$/, 'use a two-letter country code such as CN, US or GB')
    .refine(
      isKnownHolidayCountry,
      'no holiday calendar for this country; use an ISO code such as CN, US, GB or DE, or remove the key for Monday-Friday',
    )
    .optional(),
  /** Where HR is told; `locale` is the language of what is posted there (unset: see `hrChannelLocale`). */
  hrChannel: channelSchema
    .unwrap()
    .extend({ locale: z.enum(['en', 'zh-CN'], 'use en or zh-CN').optional() })
    .default({}),
  schedule: z
    .strictObject({
      default: scheduleSchema.default(scheduleSchema.parse({})),
      departments: z.record(z.string(), scheduleOverrideSchema).default({}),
    })
    .default({ default: scheduleSchema.parse({}), departments: {} }),
  reminders: z
    .array(
      z.strictObject({
        after: duration,
        notify: z
          .array(z.enum(['manager', 'skip_manager', 'hr_channel'], 'use manager, skip_manager or hr_channel'))
          .min(1),
      }),
    )
    .min(1)
    .default([
      { after: '0h', notify: ['manager'] },
      { after: '1d', notify: ['manager'] },
      { after: '3d', notify: ['manager', 'skip_manager', 'hr_channel'] },
    ]),
  digest: z.strictObject({ after: duration.default('0h') }).default({ after: '0h' }),
  policy: z
    .strictObject({
      preset: z
        .enum(['cn-art40', 'us-pip', 'uk-capability'], 'use cn-art40, us-pip or uk-capability')
        .default('cn-art40'),
      /** A custom policy file (YAML or JSON), validated against the policy schema. */
      file: z.string().optional(),
      /** Overrides merged into the preset, e.g. { evidence: { below_target_review: { count: 3 } } }. */
      overrides: z.record(z.string(), z.unknown()).default({}),
    })
    .default({ preset: 'cn-art40', overrides: {} }),
  severance: z
    .strictObject({
      /** Local average monthly wage, for the 3× cap in cn-art40. */
      localAverageMonthlyWage: z.number().positive().optional(),
      /** Local minimum monthly wage: a lower 12-month average is raised to it for N (实施条例 Art. 27). */
      localMinimumMonthlyWage: z.number().positive().optional(),
      currency: z.string().default('CNY'),
    })
    .default({ currency: 'CNY' }),
  /** Outbox pacing (see `deliverySchema`); read by the Slack and Feishu adapters. */
  delivery: deliverySchema,
  /** Daily online backups of the database (docs/operations.md). */
  backup: z
    .strictObject({
      daily: z.boolean('use true or false').default(true),
      /** Where daily backups go; created if missing. Put it on another disk than the database. */
      dir: z.string().min(1, 'use a directory path such as ./data/backups').default('./data/backups'),
      /** When the daily backup runs, in `timezone`. */
      time: time.default('03:00'),
      /** How many daily backups are kept; older ones are deleted after a verified new one. */
      keep: z
        .number('use a whole number such as 14')
        .int('use a whole number such as 14')
        .min(1, 'keep at least 1 backup')
        .default(14),
    })
    .default({ daily: true, dir: './data/backups', time: '03:00', keep: 14 }),
  /** The audit log's daily checkpoint, posted to the HR channel (docs/security.md). */
  audit: z
    .strictObject({
      /** When the day's checkpoint is taken and posted, in `timezone`. */
      checkpointTime: time.default('09:00'),
    })
    .default({ checkpointTime: '09:00' }),
  /** Early warnings (issue 15): when the weekly run sends, and the rules' numbers. */
  warnings: warningsSchema,
  /** Health, readiness, metrics and shutdown (docs/deploy.md). */
  operations: z
    .strictObject({
      /** Serve GET /metrics (Prometheus) on the HTTP port. Off by default. */
      metrics: z.boolean('use true or false').default(false),
      /** /readyz answers 503 when the oldest undelivered outbox row is older than this. */
      maxOutboxAgeSeconds: z.number('use a number of seconds such as 900').positive().default(900),
      /** On SIGTERM, how long in-flight sends may take before the process exits anyway. */
      shutdownGraceSeconds: z.number('use a number of seconds such as 10').min(0).default(10),
    })
    .default({ metrics: false, maxOutboxAgeSeconds: 900, shutdownGraceSeconds: 10 }),
  /** Evidence files: the size limit (issue 16). */
  files: filesSchema,
  /** The HTTP API for the company's systems (POST /api/v1/kpi-actuals; on with DANDANG_API_TOKEN). */
  api: z
    .strictObject({
      /** Requests accepted per minute (a burst of up to 10 at once); more are answered 429 with Retry-After. */
      requestsPerMinute: z
        .number('use a number of requests such as 60')
        .positive('use a number greater than 0, such as 60')
        .default(60),
    })
    .default({ requestsPerMinute: 60 }),
  /** `org import` safeguards. */
  orgImport: z
    .strictObject({
      /**
       * A people.csv that would deactivate more than this share of the active people (an empty or
       * truncated export) is refused unless `--allow-mass-deactivation` is given.
       */
      maxDeactivationShare: z
        .number('use a share between 0 and 1, such as 0.1 for 10%')
        .min(0, 'use a share between 0 and 1, such as 0.1 for 10%')
        .max(1, 'use a share between 0 and 1, such as 0.1 for 10%')
        .default(0.1),
    })
    .default({ maxDeactivationShare: 0.1 }),
});

export type FileConfig = z.infer<typeof fileSchema>;
export type { Schedule };
export type ReminderStep = FileConfig['reminders'][number];
export type SlackDeliveryConfig = FileConfig['delivery']['slack'];
export type FeishuDeliveryConfig = FileConfig['delivery']['feishu'];
export type DeliveryConfig = FileConfig['delivery'];

/** `delivery.retryFor` in ms (d = 24 h here: a window of elapsed time, not calendar days). */
export function retryWindowMs(delivery: DeliveryConfig): number {
  const m = /^(\d+)([mhd])$/.exec(delivery.retryFor)!;
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
}
export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env;
  file: FileConfig;
  slack: { botToken: string; signingSecret: string; appToken?: string; apiUrl?: string } | null;
  feishu: {
    appId: string;
    appSecret: string;
    domain?: string;
    verificationToken?: string;
    encryptKey?: string;
    mode: 'ws' | 'http';
    allowInsecure: boolean;
  } | null;
  local: { enabled: boolean; allowRemote: boolean };
  /** Keys for encryption at rest and the audit log's signatures (never in AppSettings). */
  protection: {
    dataKey: Buffer | null;
    oldDataKeys: Buffer[];
    auditKey: Buffer | null;
    allowPlaintext: boolean;
    allowUnsignedAudit: boolean;
  };
  /** The offboarding policy as configured, its custom file already read (and the whole validated). */
  policy: PolicySource;
  /**
   * Default language for people whose record has none, and for channels: the file's `locale`, or
   * `defaultLocale` (src/domain/locale.ts: zh-CN when Feishu is the only chat platform, else en).
   */
  locale: 'en' | 'zh-CN';
  /** The effective schedule for a department (department overrides over the default). */
  scheduleFor(department: string): Schedule;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** One line per problem: where (`dandang.yml schedule.departments.Sales.cadence`) and how to fix it. */
const describe = (source: string, issues: z.core.$ZodIssue[]) =>
  issues
    .flatMap((i) => {
      const at = (path: PropertyKey[]) => `  ${source} ${path.map(String).join('.') || '(root)'}`;
      // File sections are strict so a misspelt key is reported instead of silently ignored.
      if (i.code === 'unrecognized_keys')
        return i.keys.map(
          (k) =>
            `${at([...i.path, k])}: unknown key "${k}"; remove it or check the spelling against dandang.example.yml`,
        );
      return [`${at(i.path)}: ${i.message}`];
    })
    .join('\n');

export function parseFileConfig(text: string, source = 'dandang.yml'): FileConfig {
  let raw: unknown;
  try {
    raw = text.trim() ? parseYaml(text) : {};
  } catch (e) {
    throw new ConfigError(`${source} is not valid YAML: ${(e as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${describe(source, parsed.error.issues)}`);
  return parsed.data;
}

const readFailure = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return (e as Error).message;
};

/**
 * The offboarding policy (preset, custom file, overrides) is part of the configuration: its file is
 * read and the whole resolved here, so `npm start` and every CLI command refuse a broken one before
 * doing anything, with one line per problem instead of a stack trace at the first `/offboard`, and
 * use cases never touch the file system.
 */
function loadPolicy(policy: FileConfig['policy'], source: string): PolicySource {
  let file: { name: string; text: string } | undefined;
  if (policy.file) {
    try {
      file = { name: policy.file, text: readFileSync(policy.file, 'utf8') };
    } catch (e) {
      throw new ConfigError(
        `${source} policy.file: cannot read ${policy.file} (${readFailure(e)}); set it to the path of your policy file (YAML or JSON, relative to the working directory) or remove it to use the preset`,
      );
    }
  }
  const loaded: PolicySource = { preset: policy.preset, overrides: policy.overrides, ...(file ? { file } : {}) };
  try {
    resolvePolicy(loaded);
  } catch (e) {
    if (e instanceof PolicyError) throw new ConfigError(e.message);
    throw e;
  }
  return loaded;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsedEnv = envSchema.safeParse(env);
  if (!parsedEnv.success) throw new ConfigError(`Invalid environment:\n${describe('env', parsedEnv.error.issues)}`);
  const e = parsedEnv.data;
  const file = existsSync(e.DANDANG_CONFIG)
    ? parseFileConfig(readFileSync(e.DANDANG_CONFIG, 'utf8'), e.DANDANG_CONFIG)
    : parseFileConfig('');
  const policy = loadPolicy(file.policy, e.DANDANG_CONFIG);

  let slack: Config['slack'] = null;
  if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN)
      throw new ConfigError(
        "Set SLACK_BOT_TOKEN (xoxb-…) from the Slack app's OAuth & Permissions page, or unset the other SLACK_* variables.",
      );
    if (!e.SLACK_SIGNING_SECRET)
      throw new ConfigError("Set SLACK_SIGNING_SECRET from the Slack app's Basic Information page.");
    slack = {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
    };
  }
  let feishu: Config['feishu'] = null;
  if (e.FEISHU_APP_ID || e.FEISHU_APP_SECRET) {
    if (!e.FEISHU_APP_ID || !e.FEISHU_APP_SECRET)
      throw new ConfigError(
        'Set both FEISHU_APP_ID and FEISHU_APP_SECRET (from the Feishu developer console, Credentials & Basic Info).',
      );
    feishu = {
      appId: e.FEISHU_APP_ID,
      appSecret: e.FEISHU_APP_SECRET,
      domain: e.FEISHU_DOMAIN,
      verificationToken: e.FEISHU_VERIFICATION_TOKEN,
      encryptKey: e.FEISHU_ENCRYPT_KEY,
      mode: e.FEISHU_MODE,
      allowInsecure: e.FEISHU_ALLOW_INSECURE === '1' || e.FEISHU_ALLOW_INSECURE === 'true',
    };
  }
  const localEnabled = e.DANDANG_LOCAL === '1' || (e.DANDANG_LOCAL !== '0' && !slack && !feishu);
  return {
    env: e,
    file,
    slack,
    feishu,
    local: { enabled: localEnabled, allowRemote: e.DANDANG_LOCAL_ALLOW_REMOTE === '1' },
    protection: {
      dataKey: e.DANDANG_DATA_KEY ?? null,
      oldDataKeys: e.DANDANG_DATA_KEY_OLD,
      auditKey: e.DANDANG_AUDIT_KEY ?? null,
      allowPlaintext: e.DANDANG_ALLOW_PLAINTEXT === '1',
      allowUnsignedAudit: e.DANDANG_ALLOW_UNSIGNED_AUDIT === '1',
    },
    policy,
    locale: file.locale ?? defaultLocale({ slack: !!slack, feishu: !!feishu }),
    scheduleFor: (department) => ({ ...file.schedule.default, ...(file.schedule.departments[department] ?? {}) }),
  };
}

/**
 * Why `npm start` must not run with this configuration, in one line, or null. Real people's notes
 * need encryption at rest and a signed audit log; the local demo runs without either.
 */
export function startRefusal(c: Config): string | null {
  if (!c.slack && !c.feishu) return null;
  if (!c.protection.dataKey && !c.protection.allowPlaintext)
    return (
      'Refusing to start: platform credentials are set but DANDANG_DATA_KEY is not, so notes and comments would be stored unencrypted. ' +
      'Set DANDANG_DATA_KEY (make one with: npm run dandang -- keys generate), or set DANDANG_ALLOW_PLAINTEXT=1 to accept plaintext.'
    );
  if (!c.protection.auditKey && !c.protection.allowUnsignedAudit)
    return (
      'Refusing to start: platform credentials are set but DANDANG_AUDIT_KEY is not, so the audit log could be rewritten unnoticed. ' +
      'Set DANDANG_AUDIT_KEY (make one with: npm run dandang -- keys generate), or set DANDANG_ALLOW_UNSIGNED_AUDIT=1 to accept that.'
    );
  return null;
}

/** The part of the configuration use cases see (no env, no secrets). */
export function settingsFromConfig(c: Config): AppSettings {
  return {
    timezone: c.file.timezone,
    locale: c.locale,
    holidays: c.file.holidays,
    hrChannel: {
      slack: c.file.hrChannel.slack ?? null,
      feishu: c.file.hrChannel.feishu ?? null,
      local: HR_LOCAL_CHANNEL,
    },
    ...(c.file.hrChannel.locale ? { hrChannelLocale: c.file.hrChannel.locale } : {}),
    scheduleFor: c.scheduleFor,
    reminders: c.file.reminders,
    digestAfter: c.file.digest.after,
    policy: c.policy,
    severance: c.file.severance,
    auditCheckpointTime: c.file.audit.checkpointTime,
    warnings: c.file.warnings,
    maxDeactivationShare: c.file.orgImport.maxDeactivationShare,
    files: { maxBytes: megabytesToBytes(c.file.files.maxMegabytes) },
  };
}
