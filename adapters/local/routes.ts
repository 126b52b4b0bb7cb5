/**
 * HTTP for the local workspace, mounted at `/` on the shared host. Pages are server-rendered; the
 * page script posts JSON to /api/* and listens on /api/events (server-sent events).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { RequestHandler } from '../http-host.js';
import type { FormValues } from '../../src/ui/model.js';
import type { UploadPayload } from '../../src/ports/outbox-queue.js';
import type { Person } from '../../src/ports/records.js';
import { t } from '../../src/ui/i18n/index.js';
import { PERSONA_COOKIE } from './persona.js';
import { fileBytes } from '../reports/materialize.js';
import { CJK_FONT_FILE } from '../reports/font.js';
import type { Workspace } from './workspace.js';
import { appFile } from '../../db/app-root.js';

const asset = (name: string) => readFileSync(appFile(`adapters/local/assets/${name}`), 'utf8');
const MAX_BODY = 1_000_000;
let cjkFontBytes: Buffer | null = null;
/** The shipped CJK font (10 MB), read on first use: only a page with Chinese text asks for it. */
const cjkFont = () => (cjkFontBytes ??= readFileSync(CJK_FONT_FILE));
const LOOPBACK_HOSTS = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i;

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

const send = (
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) =>
  res
    .writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    })
    .end(body);
const sendBytes = (res: ServerResponse, type: string, body: Uint8Array, headers: Record<string, string> = {}) =>
  res
    .writeHead(200, {
      'content-type': type,
      'content-length': String(body.length),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Evidence files are downloaded, never rendered in the workspace's origin (an SVG, an HTML page).
      'content-security-policy': "default-src 'none'; sandbox",
      ...headers,
    })
    .end(body);

/** The content type a download is served with: a stored file's detected type, else by extension. */
function typeOfUpload(u: UploadPayload): string {
  if (u.archive) return 'application/zip';
  if (u.blob) return u.blob.mime;
  if (u.filename.endsWith('.html')) return 'text/html; charset=utf-8';
  if (u.filename.endsWith('.json')) return 'application/json';
  if (u.filename.endsWith('.ics')) return 'text/calendar; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

/** `attachment`, with an ASCII fallback name and the real (UTF-8, e.g. Chinese) one (RFC 6266). */
const contentDisposition = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(c as Buffer);
  }
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const asString = (v: unknown): string => (typeof v === 'string' ? v : '');

function formValues(v: unknown): FormValues {
  const out: FormValues = {};
  if (!v || typeof v !== 'object') return out;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === 'string') out[k] = x;
    else if (Array.isArray(x)) out[k] = x.filter((i): i is string => typeof i === 'string');
  }
  return out;
}

/** `{ input id: [upload token] }` from the submission, ignoring anything else. */
function fileTokens(v: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!v || typeof v !== 'object') return out;
  for (const [k, x] of Object.entries(v as Record<string, unknown>))
    if (Array.isArray(x)) out[k] = x.filter((i): i is string => typeof i === 'string');
  return out;
}

export function localRoutes(ws: Workspace, opts: { allowRemote: boolean }): RequestHandler {
  const css = asset('app.css');
  const js = asset('app.js');

  /**
   * One chosen file, as the raw body. Its size is checked against the limit from Content-Length
   * before a byte is read, and again while reading (a body longer than it said stops there), so an
   * oversize file is never buffered. The bytes wait in memory for the form's submission.
   */
  const upload = async (req: IncomingMessage, res: ServerResponse, persona: Person): Promise<unknown> => {
    const name = (() => {
      try {
        return decodeURIComponent(asString(req.headers['x-file-name']));
      } catch {
        return '';
      }
    })();
    const max = ws.maxFileBytes();
    const declared = Number(req.headers['content-length'] ?? NaN);
    const tooLarge = (size: number) => json(res, 413, { kind: 'error', text: ws.tooLargeText(persona, name, size) });
    if (Number.isFinite(declared) && declared > max) {
      // Read and dropped, never kept: a browser shows the answer only once it has sent the body.
      req.resume();
      await new Promise((done) => req.once('end', done).once('error', done));
      return tooLarge(declared);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > max) {
        // A body longer than allowed without saying so up front: stop keeping it, drop the rest
        // (the connection is cut if it goes on and on).
        chunks.length = 0;
        if (size > 2 * max) {
          req.destroy();
          return;
        }
        continue;
      }
      chunks.push(c as Buffer);
    }
    if (size > max) return tooLarge(size);
    const answer = await ws.holdUpload(persona, name, Buffer.concat(chunks));
    return 'token' in answer ? json(res, 200, answer) : json(res, 415, { kind: 'error', text: answer.error });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<unknown> => {
    const url = new URL(req.url ?? '/', 'http://local');
    // DNS rebinding: a page on another site must not reach this persona-is-identity server.
    if (!opts.allowRemote && !LOOPBACK_HOSTS.test(req.headers.host ?? ''))
      return send(res, 421, 'text/plain', 'misdirected request');
    const method = req.method ?? 'GET';

    if (method === 'GET' && url.pathname === '/assets/app.css') return send(res, 200, 'text/css; charset=utf-8', css);
    if (method === 'GET' && url.pathname === '/assets/app.js')
      return send(res, 200, 'text/javascript; charset=utf-8', js);
    if (method === 'GET' && url.pathname === '/favicon.ico') return send(res, 204, 'text/plain', '');
    if (method === 'GET' && url.pathname === '/assets/noto-sans-sc.ttf')
      return send(res, 200, 'font/ttf', cjkFont(), { 'cache-control': 'public, max-age=604800, immutable' });

    if (method === 'GET' && url.pathname === '/') {
      const as = url.searchParams.get('as');
      if (as) {
        // Switching persona: remember it and land on that persona's DM (or the kept conversation).
        const c = url.searchParams.get('c');
        const target = c ? `/?c=${encodeURIComponent(c)}` : '/';
        return send(res, 303, 'text/plain', '', {
          location: target,
          'set-cookie': `${PERSONA_COOKIE}=${encodeURIComponent(as)}; Path=/; SameSite=Strict; HttpOnly`,
        });
      }
      const persona = ws.persona(cookie(req, PERSONA_COOKIE));
      if (!persona)
        return send(
          res,
          503,
          'text/plain; charset=utf-8',
          'No people in the database yet. Import an org (npm run dandang -- org import) or run `npm run dandang -- demo reset`.',
        );
      return send(res, 200, 'text/html; charset=utf-8', await ws.page(persona, url.searchParams.get('c') ?? undefined));
    }

    if (method === 'GET' && url.pathname === '/dashboard') {
      const persona = ws.persona(cookie(req, PERSONA_COOKIE));
      if (!persona) return send(res, 303, 'text/plain', '', { location: '/' });
      const page = await ws.dashboard(persona, {
        period: url.searchParams.get('period') ?? undefined,
        department: url.searchParams.get('department') ?? undefined,
      });
      return send(res, page.status, 'text/html; charset=utf-8', page.html);
    }

    if (!url.pathname.startsWith('/api/')) return send(res, 404, 'text/plain', 'not found');

    // The page names its persona in a header (tabs can differ); a custom header also means a
    // cross-site form cannot post here without a CORS preflight, which this server never grants.
    // A download link cannot set headers; reads may fall back to the (SameSite=Strict) cookie.
    const named =
      asString(req.headers['x-dandang-persona']) ||
      url.searchParams.get('as') ||
      (method === 'GET' ? cookie(req, PERSONA_COOKIE) : undefined);
    const persona: Person | null = named ? ws.person(named) : null;
    if (!persona?.active) return json(res, 403, { kind: 'error', text: 'unknown persona' });

    if (method === 'GET' && url.pathname === '/api/events') return ws.live.subscribe(persona, res);
    // The Home, redrawn by the page script after an action changed what it shows.
    if (method === 'GET' && url.pathname === '/api/home') return json(res, 200, { html: await ws.home(persona) });

    if (method === 'GET' && url.pathname === '/api/file') {
      const m = ws.file(persona, Number(url.searchParams.get('id')));
      if (!m) return send(res, 404, 'text/plain', 'not found');
      const u = m.payload as UploadPayload;
      if (u.body) {
        // A chart or a workbook, made now. Only a picture is ever shown inline; anything else downloads.
        const f = await fileBytes(u);
        const inline = f.isImage && url.searchParams.get('inline') === '1';
        return sendBytes(res, f.contentType, f.bytes, {
          'content-disposition': inline ? 'inline' : contentDisposition(f.filename),
        });
      }
      const bytes = await ws.uploadBytes(u);
      if (!bytes) return send(res, 410, 'text/plain; charset=utf-8', 'this file is no longer stored');
      return sendBytes(res, typeOfUpload(u), bytes, {
        'content-disposition': contentDisposition(u.filename),
      });
    }

    if (method === 'POST' && url.pathname === '/api/upload') return upload(req, res, persona);

    if (method !== 'POST') return json(res, 405, { kind: 'error', text: 'method not allowed' });
    if (!asString(req.headers['content-type']).startsWith('application/json'))
      return json(res, 415, { kind: 'error', text: 'send JSON' });
    const body = await readJson(req);
    if (!body) return json(res, 400, { kind: 'error', text: 'bad request' });

    try {
      switch (url.pathname) {
        case '/api/command':
          return json(res, 200, await ws.command(persona, asString(body.text)));
        case '/api/action':
          return json(res, 200, await ws.action(persona, asString(body.actionId), asString(body.value)));
        case '/api/suggest':
          return json(
            res,
            200,
            await ws.suggest(
              persona,
              asString(body.formId),
              asString(body.state),
              asString(body.inputId),
              asString(body.query),
            ),
          );
        case '/api/submit':
          return json(
            res,
            200,
            await ws.submit(
              persona,
              asString(body.formId),
              asString(body.state),
              formValues(body.values),
              asString(body.instance),
              fileTokens(body.files),
            ),
          );
        default:
          return json(res, 404, { kind: 'error', text: 'not found' });
      }
    } catch (err) {
      // A bug: the transaction rolled back. The persona reads that in their language, not "500".
      ws.log.error({ err, path: url.pathname }, 'local workspace request failed');
      return json(res, 500, { kind: 'error', text: t(ws.localeOf(persona), 'common.failed') });
    }
  };
  return async (req, res) => {
    await handle(req, res);
  };
}
