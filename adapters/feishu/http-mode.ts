/**
 * HTTP callback mode: events at /feishu/events and card callbacks at /feishu/cards on the shared
 * HTTP server. Mirrors the SDK's adaptDefault (the body with the request headers on its prototype,
 * so the signature is computed over the body only), adding the url_verification challenge with a
 * token check, a 401 for a bad signature, a 400 for a plaintext body when an encrypt key is set,
 * and no way for a failure to escape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpHost } from '../http-host.js';
import { checkEnvelope, openEnvelope, type GuardedDispatcher, type GuardOptions } from './guard.js';

export const FEISHU_EVENTS_PATH = '/feishu/events';
export const FEISHU_CARDS_PATH = '/feishu/cards';
const MAX_BODY = 1024 * 1024;

export function mountFeishuHttp(http: HttpHost, dispatcher: GuardedDispatcher, guard: GuardOptions): void {
  const handler = (req: IncomingMessage, res: ServerResponse) => handleCallback(req, res, dispatcher, guard);
  http.mount(FEISHU_EVENTS_PATH, handler);
  http.mount(FEISHU_CARDS_PATH, handler);
}

async function handleCallback(
  req: IncomingMessage,
  res: ServerResponse,
  dispatcher: GuardedDispatcher,
  guard: GuardOptions,
): Promise<void> {
  const json = (status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body ?? {}));
  if (req.method !== 'POST') return void json(405, { error: 'method not allowed' });
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    return void json(400, { error: 'invalid body' });
  }
  if (typeof body !== 'object' || body === null) return void json(400, { error: 'invalid body' });
  // With an encrypt key, Feishu encrypts every callback. A plaintext body is someone else's, even
  // when its signature checks out (the signature covers the body, not whether it was sealed).
  if (guard.encryptKey && typeof (body as { encrypt?: unknown }).encrypt !== 'string') {
    guard.log('warn', 'refused a plaintext callback: FEISHU_ENCRYPT_KEY is set, so callbacks must be encrypted');
    return void json(400, { error: 'encrypted body required' });
  }
  const data = Object.assign(Object.create({ headers: req.headers }) as object, body);

  // Feishu's URL check when the callback URL is saved in the console.
  const envelope = openEnvelope(body, guard.encryptKey);
  if (envelope?.type === 'url_verification') {
    const check = checkEnvelope(envelope, guard);
    if (!check.ok) {
      guard.log('warn', `refused url_verification: ${check.reason}`);
      return void json(401, { error: 'invalid token' });
    }
    return void json(200, { challenge: envelope.challenge });
  }
  if (!dispatcher.signatureValid(data)) {
    guard.log('warn', 'refused a callback with an invalid signature');
    return void json(401, { error: 'invalid signature' });
  }
  const result: unknown = await dispatcher.invoke(data);
  json(200, typeof result === 'object' && result !== null ? result : {});
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
