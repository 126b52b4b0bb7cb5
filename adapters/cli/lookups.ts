/**
 * Email → chat id lookups for `org import`, built from whichever platforms are configured.
 * They run before the import's transaction (network calls never hold the database lock).
 */
import { WebClient, ErrorCode, type WebAPIPlatformError } from '@slack/web-api';
import type { Config } from '../../src/config.js';
import { oneEmailAtATime, type LookupIdByEmail, type LookupIdsByEmail } from '../../src/usecases/org/import-org.js';
import { makeFeishuClient } from '../feishu/client.js';
import { inCallSizedRuns, openIdsByEmail } from '../feishu/contact.js';
import { boltLogger, loggerFor } from '../logging.js';
import type { Logger } from '../../src/ports/logger.js';

/**
 * Slack `users.lookupByEmail` (scope users:read.email). Slack has no batch form, so `org import`
 * asks once per email. Unknown email → null; other errors throw.
 */
export function slackLookup(slack: NonNullable<Config['slack']>, log: Logger): LookupIdByEmail {
  const client = new WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
    logger: boltLogger(log),
    // The CLI can afford to wait out a 429; it runs once, not per request.
    retryConfig: { retries: 5, factor: 2, minTimeout: 1000 },
  });
  return async (email) => {
    try {
      const res = await client.users.lookupByEmail({ email });
      return res.user?.id ?? null;
    } catch (e) {
      const err = e as WebAPIPlatformError;
      if (err.code === ErrorCode.PlatformError && err.data?.error === 'users_not_found') return null;
      throw e;
    }
  };
}

/** Feishu contact lookup by email, 50 emails per call (scope contact:user.id:readonly). */
export function feishuLookup(feishu: NonNullable<Config['feishu']>, log: Logger): LookupIdsByEmail {
  const client = makeFeishuClient(feishu, log);
  return async (emails) => {
    const found = new Map<string, string>();
    const failed = new Map<string, string>();
    for (const run of inCallSizedRuns(emails)) {
      try {
        for (const [email, openId] of await openIdsByEmail(client, run)) found.set(email, openId);
      } catch (e) {
        for (const email of run) failed.set(email.toLowerCase(), (e as Error).message);
      }
    }
    return { found, failed };
  };
}

export function lookupsFor(config: Config): {
  lookupSlackIdsByEmail?: LookupIdsByEmail;
  lookupFeishuIdsByEmail?: LookupIdsByEmail;
} {
  // The CLI's own output is on stdout; the SDKs' (scrubbed) lines go to stderr.
  const log = loggerFor(config, 'stderr');
  return {
    lookupSlackIdsByEmail: config.slack ? oneEmailAtATime(slackLookup(config.slack, log)) : undefined,
    lookupFeishuIdsByEmail: config.feishu ? feishuLookup(config.feishu, log) : undefined,
  };
}
