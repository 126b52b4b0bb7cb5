import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../src/ports/logger.js';
import { silentLogger } from '../src/ports/logger.js';
import { newLogId, withLogContext } from './logging.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpHostOptions {
  log?: Logger;
  /** Called when each response has been sent (metrics: latency per route). */
  onResponse?: (route: string, method: string, status: number, seconds: number) => void;
}

/**
 * One HTTP server on PORT shared by every adapter: Slack at /slack/*, Feishu at /feishu/*, the
 * local workspace at /, and /healthz, /readyz, /metrics. The longest matching prefix wins. Each
 * request runs with its own `reqId` on every log line it causes.
 */
export class HttpHost {
  private readonly routes: { prefix: string; handler: RequestHandler }[] = [];
  readonly server: Server;
  private inFlight = 0;
  private drained: (() => void) | null = null;
  private closing = false;

  constructor(private readonly opts: HttpHostOptions = {}) {
    const log = opts.log ?? silentLogger;
    this.server = createServer((req, res) => {
      const started = performance.now();
      const path = (req.url ?? '/').split('?')[0]!;
      const route = this.routes.find(
        (r) =>
          path === r.prefix || path.startsWith(r.prefix.endsWith('/') ? r.prefix : `${r.prefix}/`) || r.prefix === '/',
      );
      if (this.closing) res.setHeader('connection', 'close');
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      this.inFlight++;
      res.once('close', () => {
        this.inFlight--;
        this.opts.onResponse?.(route.prefix, req.method ?? 'GET', res.statusCode, (performance.now() - started) / 1000);
        if (this.inFlight === 0) this.drained?.();
      });
      withLogContext({ reqId: newLogId() }, () => {
        Promise.resolve(route.handler(req, res)).catch((err: unknown) => {
          log.error({ err, route: route.prefix }, 'handler failed');
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('internal error');
        });
      });
    });
  }

  get mounted(): boolean {
    return this.routes.length > 0;
  }

  mount(prefix: string, handler: RequestHandler): void {
    this.routes.push({ prefix, handler });
    this.routes.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  /**
   * Stops taking connections, lets requests in progress finish for up to `graceMs`, then drops
   * what is left. Idle keep-alive connections are closed at once.
   */
  async close(graceMs = 0): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inFlight > 0 && graceMs > 0) {
      await Promise.race([
        new Promise<void>((resolve) => (this.drained = resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
      ]);
    }
    this.server.closeAllConnections();
    await closed;
  }
}
