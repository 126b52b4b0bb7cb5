/**
 * POST /api/v1/kpi-actuals: the company's systems (an ERP, a sales system) send KPI figures as JSON,
 * `{"rows": [{"person_id", "kpi_key", "period", "value", "source"?}]}`. On only when
 * DANDANG_API_TOKEN is set: without it every /api/v1 path answers 404, as if there were no API.
 * (/api/* outside /api/v1 belongs to the local workspace's page.)
 *
 * - Auth: `Authorization: Bearer <token>`, compared in constant time (both sides hashed first, so
 *   neither the content nor the length of the token leaks through timing).
 * - Rate limit: `api.requestsPerMinute` accepted requests (a burst of up to 10); refused tokens have a
 *   bucket of their own, so guessing is slowed without locking the real client out. Over it: 429
 *   with Retry-After (seconds).
 * - Bad input: 400 (not JSON), 413 (over 1 MiB), 415 (not JSON content), 422 naming each failing row
 *   by its index in `rows`, its field and what is wrong. Nothing is written unless every row is good.
 * - Idempotent on (person, KPI, period, source): a resend changes nothing; a new figure replaces it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpHost } from '../http-host.js';
import type { UseCaseDeps } from '../../src/ports/deps.js';
import type { Logger } from '../../src/ports/logger.js';
import { TokenBucket } from '../../src/delivery/token-bucket.js';
import { importIssues, makeKpiFeed } from '../../src/app/kpi-feed.js';

export const KPI_ACTUALS_PATH = '/api/v1/kpi-actuals';
/** A feed of 10,000 rows is about 1 MB of JSON; a bigger batch is split by the sender. */
export const MAX_BODY_BYTES = 1024 * 1024;
const BURST = 10;

export interface ApiOptions {
  /** DANDANG_API_TOKEN; null turns the API off (404). */
  token: string | null;
  requestsPerMinute: number;
  log: Logger;
  /** Real time for the rate limit (tests may pass their own). */
  now?: () => number;
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** True when the request's bearer token is the configured one; constant time in the token's content. */
export function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  // Compare even when the header is malformed, so a missing token takes as long as a wrong one.
  const given = digest(m?.[1] ?? '');
  return timingSafeEqual(given, expected) && !!m;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
    .end(JSON.stringify(body));
}

/** The body, or null after answering 413 when it is larger than MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    send(res, 413, { error: 'too_large', message: `send at most ${MAX_BODY_BYTES} bytes per request` });
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      send(res, 413, { error: 'too_large', message: `send at most ${MAX_BODY_BYTES} bytes per request` });
      req.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function mountApiRoutes(http: HttpHost, deps: UseCaseDeps, opts: ApiOptions): void {
  const now = opts.now ?? (() => performance.now());
  const spec = { ratePerSec: opts.requestsPerMinute / 60, burst: Math.max(1, Math.min(BURST, opts.requestsPerMinute)) };
  const accepted = new TokenBucket(spec, now());
  const refused = new TokenBucket(spec, now());
  const expected = opts.token ? digest(opts.token) : null;
  const feed = makeKpiFeed(deps);

  /** Spends a request from `bucket`, or answers 429 and returns false. */
  const withinLimit = (bucket: TokenBucket, res: ServerResponse): boolean => {
    const wait = bucket.waitMs(now());
    if (wait === 0) {
      bucket.take(now());
      return true;
    }
    send(
      res,
      429,
      { error: 'rate_limited', message: `over ${opts.requestsPerMinute} requests a minute; retry after the wait` },
      { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) },
    );
    return false;
  };

  http.mount('/api/v1', async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (!expected || path !== KPI_ACTUALS_PATH) return send(res, 404, { error: 'not_found' });
    if (req.method !== 'POST')
      return send(res, 405, { error: 'method_not_allowed', message: 'use POST' }, { allow: 'POST' });
    if (!bearerMatches(req.headers.authorization, expected)) {
      if (!withinLimit(refused, res)) return;
      opts.log.warn({ route: KPI_ACTUALS_PATH }, 'api: refused a request without the right bearer token');
      return send(
        res,
        401,
        { error: 'unauthorized', message: 'send Authorization: Bearer <DANDANG_API_TOKEN>' },
        { 'www-authenticate': 'Bearer' },
      );
    }
    if (!withinLimit(accepted, res)) return;
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return send(res, 415, { error: 'unsupported_media_type', message: 'send Content-Type: application/json' });
    const text = await readBody(req, res);
    if (text === null) return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      return send(res, 400, { error: 'invalid_json', message: `the body is not JSON: ${(e as Error).message}` });
    }
    const r = await feed(body);
    if (!r.ok) {
      const issues = importIssues(r).map((i) => ({
        ...(i.line >= 0 ? { row: i.line } : {}),
        field: i.field,
        message: i.message,
      }));
      return send(res, r.code === 'INVALID_INPUT' ? 422 : 409, { error: 'invalid_rows', message: r.message, issues });
    }
    opts.log.info({ route: KPI_ACTUALS_PATH, ...r.value }, 'api: KPI figures recorded');
    send(res, 200, r.value);
  });
}
