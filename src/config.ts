/**
 * The only place that reads process.env. Env selects platforms and secrets; the YAML file
 * (DANDANG_CONFIG, default ./dandang.yml) holds the organisation's settings. Errors name the key
 * and say how to fix it. The schemas are in config-env.ts and config-yaml.ts (sections in config-*.ts).
 */
import { readFileSync, existsSync } from 'node:fs';
import type { PolicySource } from './domain/policy/resolve.js';
import { defaultLocale } from './domain/locale.js';
import type { Schedule } from './domain/schedule.js';
import { envSchema, type Env } from './config-env.js';
import { parseFileConfig, type FileConfig } from './config-yaml.js';
import { loadPolicy } from './config-policy.js';
import { ConfigError, describeIssues } from './config-errors.js';

/** One step of the reminder ladder (src/ports/settings.ts names it; ports may import only this file). */
export type ReminderStep = FileConfig['reminders'][number];

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsedEnv = envSchema.safeParse(env);
  if (!parsedEnv.success)
    throw new ConfigError(`Invalid environment:\n${describeIssues('env', parsedEnv.error.issues)}`);
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
