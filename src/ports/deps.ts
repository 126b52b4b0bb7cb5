import type { Store } from './store.js';
import type { Clock } from './clock.js';
import type { AppSettings } from './settings.js';
import type { Logger } from './logger.js';
import type { FileStore } from './files.js';

/**
 * What every use case factory is built over: `makeX = (deps: UseCaseDeps) => (input) => Result<T>`.
 * The composition root builds one and hands it to the router, the scheduler and the CLI.
 */
export interface UseCaseDeps {
  store: Store;
  clock: Clock;
  settings: AppSettings;
  /**
   * For work that runs after the answer (a cycle filled in the background, a dossier built), whose
   * failure has no one to return to. Use cases return Results and do not log.
   */
  log?: Logger;
  /**
   * The evidence files, for the async work around use cases (storing a received file before the
   * use case records it, building a dossier ZIP). Use cases themselves never read it.
   */
  files?: FileStore;
}
