/** The schema of dandang.yml, the organisation's settings, and parseFileConfig, which reads its text. */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isKnownHolidayCountry } from './domain/calendar.js';
import { warningsSchema } from './config-warnings.js';
import { time } from './config-fields.js';
import { filesSchema } from './config-files.js';
import { deliverySchema } from './config-delivery.js';
import { scheduleOverrideSchema, scheduleSchema } from './config-schedule.js';
import { ConfigError, describeIssues } from './config-errors.js';

const isTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const duration = z.string().regex(/^\d+[mhd]$/, 'use a number with m, h or d, e.g. "0h", "1d", "90m"');

const channelSchema = z.strictObject({ slack: z.string().optional(), feishu: z.string().optional() }).default({});

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

export function parseFileConfig(text: string, source = 'dandang.yml'): FileConfig {
  let raw: unknown;
  try {
    raw = text.trim() ? parseYaml(text) : {};
  } catch (e) {
    throw new ConfigError(`${source} is not valid YAML: ${(e as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${describeIssues(source, parsed.error.issues)}`);
  return parsed.data;
}
