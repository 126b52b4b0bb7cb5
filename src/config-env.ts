/** The schema of the environment: platform credentials, secrets, paths, logging (read by loadConfig in src/config.ts). */
import { z } from 'zod';

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

export const envSchema = z.object({
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

export type Env = z.infer<typeof envSchema>;
