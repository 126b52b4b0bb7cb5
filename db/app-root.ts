/**
 * Where the app's own files are: the migrations, the local workspace's assets, the CLI entry.
 * The same code runs as TypeScript (tsx, the tests) and built into dist/, where it is bundled into
 * shared chunks, so a module's own location says nothing about where its neighbours are. The app
 * root is the nearest directory above this module that holds `migrations/`: the checkout when run
 * as TypeScript, `dist/` when built (the build copies the migrations and assets into it).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findAppRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'migrations'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`Dandang's migrations/ folder was not found in any folder above ${start}`);
  }
}

export const APP_ROOT = findAppRoot(dirname(fileURLToPath(import.meta.url)));

/** True when running the built code (dist/), false when running the TypeScript sources. */
export const RUNNING_BUILT = !import.meta.url.endsWith('.ts');

/** A file of the app by its path in the source tree, e.g. `adapters/local/assets/app.css`. */
export const appFile = (path: string): string => join(APP_ROOT, path);
