/**
 * HTTP for the local workspace, mounted at `/` on the shared host. Pages are server-rendered; the
 * page script posts JSON to /api/* and listens on /api/events (server-sent events).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from '../http-host.js';
import type { FormValues } from '../../src/ui/model.js';
import type { UploadPayload } from '../../src/ports/outbox-queue.js';
import type { Person } from '../../src/ports/records.js';
import { t } from '../../src/ui/i18n/index.js';
import { PERSONA_COOKIE } from './persona.js';
import { fileBytes } from '../reports/materialize.js';
import { CJK_FONT_FILE } from '../reports/font.js';
import type { Workspace } from './workspace.js';

const asset = (name: string) => readFileSync(fileURLToPath(new URL(`./assets/${name}`, import.meta.url)), 'utf8');
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

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function formValues(v: unknown): FormValues {
  const out: FormValues = {};
  if (!v || typeof v !== 'object') return out;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === 'string') out[k] = x;
    else if (Array.isArray(x)) out[k] = x.filter((i): i is string => typeof i === 'string');
  }
  return out;
}

export function localRoutes(ws: Workspace, opts: { allowRemote: boolean }): RequestHandler {
  const css = asset('app.css');
  const js = asset('app.js');

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
      return send(res, 200, 'text/html; charset=utf-8', ws.page(persona, url.searchParams.get('c') ?? undefined));
    }

    if (method === 'GET' && url.pathname === '/dashboard') {
      const persona = ws.persona(cookie(req, PERSONA_COOKIE));
      if (!persona) return send(res, 303, 'text/plain', '', { location: '/' });
      const page = ws.dashboard(persona, {
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
      str(req.headers['x-dandang-persona']) ||
      url.searchParams.get('as') ||
      (method === 'GET' ? cookie(req, PERSONA_COOKIE) : undefined);
    const persona: Person | null = named ? ws.person(named) : null;
    if (!persona?.active) return json(res, 403, { kind: 'error', text: 'unknown persona' });

    if (method === 'GET' && url.pathname === '/api/events') return ws.live.subscribe(persona, res);

    if (method === 'GET' && url.pathname === '/api/file') {
      const m = ws.file(persona, Number(url.searchParams.get('id')));
      if (!m) return send(res, 404, 'text/plain', 'not found');
      const f = await fileBytes(m.payload as UploadPayload);
      // Only a picture is ever shown inline; anything else (HTML included) downloads.
      const inline = f.isImage && url.searchParams.get('inline') === '1';
      return send(res, 200, f.contentType, f.bytes, {
        'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${f.filename.replace(/[^\w.-]/g, '_')}"`,
      });
    }

    if (method !== 'POST') return json(res, 405, { kind: 'error', text: 'method not allowed' });
    if (!str(req.headers['content-type']).startsWith('application/json'))
      return json(res, 415, { kind: 'error', text: 'send JSON' });
    const body = await readJson(req);
    if (!body) return json(res, 400, { kind: 'error', text: 'bad request' });

    try {
      switch (url.pathname) {
        case '/api/command':
          return json(res, 200, await ws.command(persona, str(body.text)));
        case '/api/action':
          return json(res, 200, await ws.action(persona, str(body.actionId), str(body.value)));
        case '/api/submit':
          return json(
            res,
            200,
            await ws.submit(persona, str(body.formId), str(body.state), formValues(body.values), str(body.instance)),
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
