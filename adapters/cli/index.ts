/** Entry point of `npm run dandang -- <command>`; the work is in run.ts so tests can call it in-process. */
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).catch((e: unknown) => {
  console.error('[dandang] command failed:', e);
  return 1;
});
// Exit explicitly: SDK clients used for lookups may keep sockets alive. Flush stdout first.
process.stdout.write('', () => process.exit(code));
