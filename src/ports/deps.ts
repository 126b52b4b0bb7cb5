import type { Store } from './store.js';
import type { Clock } from './clock.js';
import type { AppSettings } from './settings.js';

/**
 * What every use case factory is built over: `makeX = (deps: UseCaseDeps) => (input) => Result<T>`.
 * The composition root builds one and hands it to the router, the scheduler and the CLI.
 */
export interface UseCaseDeps {
  store: Store;
  clock: Clock;
  settings: AppSettings;
}
