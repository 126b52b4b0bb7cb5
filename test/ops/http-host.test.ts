import { describe, expect, it } from 'vitest';
import { HttpHost } from '../../adapters/http-host.js';

describe('shared HTTP server shutdown', () => {
  it('lets a request in progress finish, then takes no new ones', async () => {
    const http = new HttpHost();
    let release: () => void = () => {};
    http.mount('/slow', async (_req, res) => {
      await new Promise<void>((r) => (release = r));
      res.writeHead(200, { 'content-type': 'text/plain' }).end('done');
    });
    const port = await http.listen(0, '127.0.0.1');
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 100));
    const closed = http.close(5_000);
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
    release();
    expect(await inFlight).toBe('done');
    await closed;
  });

  it('drops a request that outlasts the grace period', async () => {
    const http = new HttpHost();
    http.mount('/hang', () => new Promise<void>(() => {}));
    const port = await http.listen(0, '127.0.0.1');
    const hung = fetch(`http://127.0.0.1:${port}/hang`).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await http.close(300);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(await hung).toBe('dropped');
  });
});
