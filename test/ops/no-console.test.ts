import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('logging', () => {
  it('src/, adapters/ and db/ log through the scrubbing logger, not console (the CLI prints to its user)', () => {
    const offenders: string[] = [];
    for (const file of ['src', 'adapters', 'db'].flatMap((d) => sources(join(ROOT, d)))) {
      const rel = relative(ROOT, file);
      if (rel.startsWith('adapters/cli/')) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\bconsole\.(log|info|warn|error|debug)\(/.test(line) && !/^\s*(\/\/|\*)/.test(line))
            offenders.push(`${rel}:${i + 1}`);
        });
    }
    // The one exception: a configuration error at start is one plain line for a person (exit 2).
    expect(offenders).toEqual(['src/main.ts:' + mainConfigErrorLine()]);
  });
});

function mainConfigErrorLine(): number {
  const lines = readFileSync(join(ROOT, 'src/main.ts'), 'utf8').split('\n');
  return lines.findIndex((l) => l.includes('console.error(`[dandang] ${err.message}`)')) + 1;
}
