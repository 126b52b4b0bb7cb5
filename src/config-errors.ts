/** The configuration's one error type, and how a schema's issues become one line per problem. */
import type { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** One line per problem: where (`dandang.yml schedule.departments.Sales.cadence`) and how to fix it. */
export const describeIssues = (source: string, issues: z.core.$ZodIssue[]) =>
  issues
    .flatMap((i) => {
      const at = (path: PropertyKey[]) => `  ${source} ${path.map(String).join('.') || '(root)'}`;
      // File sections are strict so a misspelt key is reported instead of silently ignored.
      if (i.code === 'unrecognized_keys')
        return i.keys.map(
          (k) =>
            `${at([...i.path, k])}: unknown key "${k}"; remove it or check the spelling against dandang.example.yml`,
        );
      return [`${at(i.path)}: ${i.message}`];
    })
    .join('\n');
