// Preloaded into the import's child process by bench/import.ts: at exit, writes the process's peak
// resident set size (kB, from getrusage) to the file named by BENCH_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_PEAK_RSS_FILE)
    writeFileSync(process.env.BENCH_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
