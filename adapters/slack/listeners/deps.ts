import type { Store } from '../../../src/ports/store.js';
import type { Router } from '../../../src/app/router.js';
import type { AppSettings } from '../../../src/ports/settings.js';
import type { ResolveMention } from '../render/markup.js';
import type { FileStore } from '../../../src/ports/files.js';

/** What every Slack listener needs: the router to dispatch to and the store to resolve people. */
export interface ListenerDeps {
  store: Store;
  router: Router;
  settings: AppSettings;
  resolveMention: ResolveMention;
  /** Called after each dispatch: the use case may have queued outbox rows, so the sender should look now. */
  afterDispatch: () => void;
  /** Where files chosen in a modal are stored (adapters/files/intake.ts). */
  files: FileStore;
}
