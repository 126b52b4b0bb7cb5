/**
 * What keeps secrets and message bodies out of every log line, ours and the SDKs'. A log call's
 * arguments are walked before pino serialises them:
 *  - a value under a secret-sounding key (`token`, `app_secret`, `authorization`…) becomes
 *    `[redacted]`, and one under a body key (`text`, `blocks`, `content`, `data`…) becomes `[body]`;
 *  - in every string, each configured secret (the env's tokens and keys) and anything shaped like a
 *    token (`xoxb-…`, `xapp-…`, Feishu's `t-…`, `Bearer …`, `"app_secret":"…"`) is replaced;
 *  - an HTTP client error (axios, which both SDKs use, carries the whole request: the Lark SDK's
 *    token call has `app_secret` in its body) is reduced to its method, URL, status and code.
 */
const SECRET_KEY = /secret|token|password|passwd|authorization|cookie|signature|encrypt_?key|credential|api_?key/i;
const BODY_KEY =
  /^(text|blocks|attachments|content|card|payload|body|data|view|elements|values|state|discussion|comment|reason)$/i;

const TOKEN_SHAPES: [RegExp, string][] = [
  [/xox[a-z]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  [/\b[tua]-[A-Za-z0-9_-]{10,}/g, '[redacted token]'],
  [/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  // `"app_secret":"…"`, `token=…`, `'encrypt_key': '…'` inside a string (a JSON body, a query).
  [
    /((?:app_?secret|secret|token|access_token|tenant_access_token|app_access_token|encrypt_?key|password)["']?\s*[:=]\s*["']?)[^"'&,}\s]+/gi,
    '$1[redacted]',
  ],
  // A request body logged as text (@slack/web-api at debug: "http request body: {…}").
  [/(request body:\s*).*/gs, '$1[body]'],
  // Message content inside JSON text: `"text":"…"`, `"content":"…"` (responses, SDK dumps).
  [
    /("(?:text|content|discussion|comment|reason|fallback|title|value|initial_value|placeholder)"\s*:\s*)"(?:[^"\\]|\\.)*"/g,
    '$1"[body]"',
  ],
];

const MAX_DEPTH = 6;

export type Scrub = (value: unknown) => unknown;

/** `secrets`: the literal values to remove wherever they appear (shorter than 4 characters are ignored). */
export function makeScrubber(secrets: readonly (string | null | undefined)[]): Scrub {
  const literals = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  const scrubString = (s: string): string => {
    let out = s;
    for (const lit of literals) if (out.includes(lit)) out = out.split(lit).join('[redacted]');
    for (const [re, to] of TOKEN_SHAPES) out = out.replace(re, to);
    return out;
  };

  const walk = (value: unknown, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof value === 'string') return scrubString(value);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[circular]';
    if (depth > MAX_DEPTH) return '[deep]';
    seen.add(value);
    if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return '[binary]';
    if (isHttpClientError(value)) return httpErrorSummary(value, scrubString);
    if (value instanceof Error) {
      const e = value as Error & { code?: unknown; cause?: unknown };
      return {
        type: e.name,
        message: scrubString(e.message),
        ...(e.code !== undefined ? { code: walk(e.code, depth + 1, seen) } : {}),
        ...(e.stack ? { stack: scrubString(e.stack) } : {}),
        ...(e.cause !== undefined ? { cause: walk(e.cause, depth + 1, seen) } : {}),
      };
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEY.test(k)) out[k] = '[redacted]';
      else if (BODY_KEY.test(k) && v !== null && v !== undefined) out[k] = '[body]';
      else out[k] = walk(v, depth + 1, seen);
    }
    return out;
  };
  return (value) => walk(value, 0, new WeakSet());
}

interface HttpClientError {
  isAxiosError: true;
  message: string;
  code?: string;
  config?: { method?: string; url?: string; baseURL?: string };
  response?: { status?: number; data?: unknown };
}

function isHttpClientError(v: object): v is HttpClientError {
  return (v as { isAxiosError?: unknown }).isAxiosError === true;
}

/** The request's line and the answer's status and platform code; never headers or bodies. */
function httpErrorSummary(e: HttpClientError, scrubString: (s: string) => string) {
  const data = e.response?.data as { code?: unknown; msg?: unknown; error?: unknown } | undefined;
  return {
    type: 'HttpError',
    message: scrubString(e.message),
    ...(e.code ? { code: e.code } : {}),
    method: e.config?.method?.toUpperCase(),
    url: e.config?.url ? scrubString(stripQuery(e.config.url)) : undefined,
    status: e.response?.status,
    // Feishu's `{ code, msg }` and Slack's `{ error }` say what went wrong without any content.
    ...(data && typeof data === 'object'
      ? {
          platformCode: data.code ?? data.error,
          platformMsg: typeof data.msg === 'string' ? scrubString(data.msg) : undefined,
        }
      : {}),
  };
}

const stripQuery = (url: string) => url.split('?')[0]!;
