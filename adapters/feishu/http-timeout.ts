/**
 * The Lark SDK's HTTP client with a timeout on every request. The SDK's default axios instance
 * waits for ever, so one hung call would hold a sending slot for good. Every method forwards to the
 * SDK's own instance (keeping its interceptors: User-Agent, answers unwrapped to their body) with
 * `timeout` added unless the caller set one.
 */
import type * as lark from '@larksuiteoapi/node-sdk';

export function withTimeout(inner: lark.HttpInstance, timeoutMs: number): lark.HttpInstance {
  const opts = <T extends { timeout?: number }>(o: T | undefined): T => ({ timeout: timeoutMs, ...(o ?? ({} as T)) });
  return {
    request: (o) => inner.request(opts(o)),
    get: (url, o) => inner.get(url, opts(o)),
    delete: (url, o) => inner.delete(url, opts(o)),
    head: (url, o) => inner.head(url, opts(o)),
    options: (url, o) => inner.options(url, opts(o)),
    post: (url, data, o) => inner.post(url, data, opts(o)),
    put: (url, data, o) => inner.put(url, data, opts(o)),
    patch: (url, data, o) => inner.patch(url, data, opts(o)),
  };
}
