/** Reads the configured offboarding policy's file and validates the whole at load time. */
import { readFileSync } from 'node:fs';
import { PolicyError, resolvePolicy, type PolicySource } from './domain/policy/resolve.js';
import { ConfigError } from './config-errors.js';
import type { FileConfig } from './config-yaml.js';

const readFailure = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return (e as Error).message;
};

/**
 * The offboarding policy (preset, custom file, overrides) is part of the configuration: its file is
 * read and the whole resolved here, so `npm start` and every CLI command refuse a broken one before
 * doing anything, with one line per problem instead of a stack trace at the first `/offboard`, and
 * use cases never touch the file system.
 */
export function loadPolicy(policy: FileConfig['policy'], source: string): PolicySource {
  let file: { name: string; text: string } | undefined;
  if (policy.file) {
    try {
      file = { name: policy.file, text: readFileSync(policy.file, 'utf8') };
    } catch (e) {
      throw new ConfigError(
        `${source} policy.file: cannot read ${policy.file} (${readFailure(e)}); set it to the path of your policy file (YAML or JSON, relative to the working directory) or remove it to use the preset`,
      );
    }
  }
  const loaded: PolicySource = { preset: policy.preset, overrides: policy.overrides, ...(file ? { file } : {}) };
  try {
    resolvePolicy(loaded);
  } catch (e) {
    if (e instanceof PolicyError) throw new ConfigError(e.message);
    throw e;
  }
  return loaded;
}
