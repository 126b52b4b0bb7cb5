/**
 * Bolt's signature check refuses a request timestamp more than 5 minutes in the PAST but accepts
 * any in the future, so a request signed with a future timestamp (a captured or pre-computed
 * one) stays replayable for as long as the attacker likes. Slack's own guidance is "more than five
 * minutes from local time, either way". This check runs in front of Bolt; Bolt still verifies the
 * signature, which covers the timestamp.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const MAX_SLACK_SKEW_MS = 5 * 60 * 1000;

/**
 * False when `x-slack-request-timestamp` is more than 5 minutes from `nowMs` either way. A missing
 * or malformed header is left to Bolt, which refuses it (Slack's unsigned ssl_check excepted).
 */
export function slackTimestampWithinSkew(headers: IncomingHttpHeaders, nowMs: number): boolean {
  const raw = headers['x-slack-request-timestamp'];
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return true;
  return Math.abs(Number(raw) * 1000 - nowMs) <= MAX_SLACK_SKEW_MS;
}
