/**
 * Email → chat id lookups for `org import`, built from whichever platforms are configured.
 * They run before the import's transaction (network calls never hold the database lock).
 */
import { WebClient, ErrorCode, type WebAPIPlatformError } from '@slack/web-api';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Config } from '../../src/config.js';
import type { LookupIdByEmail } from '../../src/usecases/org/import-org.js';

/** Slack `users.lookupByEmail` (scope users:read.email). Unknown email → null; other errors throw. */
export function slackLookup(slack: NonNullable<Config['slack']>): LookupIdByEmail {
  const client = new WebClient(slack.botToken, {
    slackApiUrl: slack.apiUrl,
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

/** Same mapping as the Feishu adapter: 'feishu' (default), 'lark', or a base URL. */
const feishuDomain = (domain: string | undefined): lark.Domain | string =>
  !domain || domain === 'feishu'
    ? lark.Domain.Feishu
    : domain === 'lark'
      ? lark.Domain.Lark
      : domain.replace(/\/+$/, '');

/** Feishu contact `user.batchGetId` by email, asking for open_id (scope contact:user.id:readonly). */
export function feishuLookup(feishu: NonNullable<Config['feishu']>): LookupIdByEmail {
  const client = new lark.Client({
    appId: feishu.appId,
    appSecret: feishu.appSecret,
    appType: lark.AppType.SelfBuild,
    domain: feishuDomain(feishu.domain),
    cache: new lark.DefaultCache(),
    loggerLevel: lark.LoggerLevel.error,
  });
  return async (email) => {
    const res = await client.contact.user.batchGetId({
      data: { emails: [email], include_resigned: false },
      params: { user_id_type: 'open_id' },
    });
    if (res.code) throw new Error(`Feishu contact lookup failed: ${res.msg ?? res.code}`);
    return res.data?.user_list?.find((u) => u.email?.toLowerCase() === email.toLowerCase())?.user_id ?? null;
  };
}

export function lookupsFor(config: Config): {
  lookupSlackIdByEmail?: LookupIdByEmail;
  lookupFeishuIdByEmail?: LookupIdByEmail;
} {
  return {
    lookupSlackIdByEmail: config.slack ? slackLookup(config.slack) : undefined,
    lookupFeishuIdByEmail: config.feishu ? feishuLookup(config.feishu) : undefined,
  };
}
