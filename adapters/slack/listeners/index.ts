import type { App } from '@slack/bolt';
import { registerCommands } from './commands.js';
import { registerActions } from './actions.js';
import { registerViews } from './views.js';
import { registerEvents } from './events.js';
import { registerMessages } from './messages.js';
import { registerOptions } from './options.js';
import type { ListenerDeps } from './deps.js';

export type { ListenerDeps } from './deps.js';

/** Every Slack listener; each surface keeps its own file. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerOptions(app, deps);
  registerEvents(app, deps);
  registerMessages(app, deps);
}
