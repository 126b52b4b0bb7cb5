/** Mounts GET /healthz, GET /readyz and (when enabled) GET /metrics on the shared HTTP server. */
import type { HttpHost } from '../http-host.js';
import { checkReadiness, type ReadinessDeps } from './health.js';
import type { OpsMetrics } from './metrics.js';

const json = (status: number, body: unknown) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

export function mountOpsRoutes(http: HttpHost, deps: ReadinessDeps, metrics: OpsMetrics | null): void {
  const started = Date.now();
  const only = (
    path: string,
    answer: () => Promise<{ status: number; headers: Record<string, string>; body: string }>,
  ) =>
    http.mount(path, async (req, res) => {
      const exact = (req.url ?? '/').split('?')[0] === path;
      if (!exact || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res
          .writeHead(exact ? 405 : 404, { 'content-type': 'text/plain' })
          .end(exact ? 'method not allowed' : 'not found');
        return;
      }
      const a = await answer();
      res.writeHead(a.status, a.headers).end(req.method === 'HEAD' ? undefined : a.body);
    });

  only('/healthz', async () => json(200, { status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) }));
  only('/readyz', async () => {
    const r = checkReadiness(deps);
    return json(r.ready ? 200 : 503, r);
  });
  if (metrics)
    only('/metrics', async () => ({
      status: 200,
      headers: { 'content-type': metrics.registry.contentType },
      body: await metrics.registry.metrics(),
    }));
}
