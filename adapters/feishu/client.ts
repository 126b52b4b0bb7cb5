/** The Lark SDK client for the configured app: one place that maps FEISHU_DOMAIN and the SDK's logging. */
import * as lark from '@larksuiteoapi/node-sdk';
import { parseFileConfig } from '../../src/config-yaml.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/ports/logger.js';
import { larkLogger } from '../logging.js';
import { withTimeout } from './http-timeout.js';

/** delivery.callTimeoutSeconds when the caller has no config at hand. */
const DEFAULT_TIMEOUT_MS = parseFileConfig('').delivery.callTimeoutSeconds * 1000;

/** FEISHU_DOMAIN: `feishu` (default), `lark` (Lark international) or a base URL. */
export function feishuDomain(domain: string | undefined): lark.Domain | string {
  if (!domain || domain === 'feishu') return lark.Domain.Feishu;
  if (domain === 'lark') return lark.Domain.Lark;
  return domain.replace(/\/+$/, '');
}

/**
 * The SDK logs through ours, scrubbed: on a failed token call it logs the whole request, app_secret
 * included. Every level is passed on; LOG_LEVEL decides what is written.
 */
export function sdkLogging(log: Logger) {
  return { loggerLevel: lark.LoggerLevel.trace, logger: larkLogger(log) };
}

export function makeFeishuClient(
  cfg: NonNullable<Config['feishu']>,
  log: Logger,
  opts: { timeoutMs?: number } = {},
): lark.Client {
  return new lark.Client({
    appId: cfg.appId,
    appSecret: cfg.appSecret,
    appType: lark.AppType.SelfBuild,
    domain: feishuDomain(cfg.domain),
    cache: new lark.DefaultCache(),
    // No API call may hang for ever: the SDK's own HTTP client has no timeout. (Its type says axios
    // responses, but its interceptor unwraps them to the bodies an HttpInstance returns.)
    httpInstance: withTimeout(
      lark.defaultHttpInstance as unknown as lark.HttpInstance,
      opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ),
    ...sdkLogging(log),
  });
}
