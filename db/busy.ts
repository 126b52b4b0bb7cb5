import { StoreBusyError } from '../src/ports/store.js';

/** SQLITE_BUSY and its extended codes: another connection holds the lock we asked for. */
export const isSqliteBusy = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};

/**
 * Wraps every method of a repository whose statements run outside `store.tx` (autocommit, like the
 * outbox queue's) so that a busy database surfaces as the port's StoreBusyError, which callers
 * retry after yielding, instead of as a driver error.
 */
export function busyAware<T extends object>(repo: T): T {
  const out = {} as Record<string, unknown>;
  for (const [name, value] of Object.entries(repo)) {
    out[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            try {
              return (value as (...a: unknown[]) => unknown).apply(repo, args);
            } catch (e) {
              if (isSqliteBusy(e)) throw new StoreBusyError();
              throw e;
            }
          }
        : value;
  }
  return out as T;
}
