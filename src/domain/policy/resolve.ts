/**
 * Builds the effective policy: a preset, or a custom policy file (which may `extends` a preset),
 * with the config's `policy.overrides` deep-merged on top, then validated as a whole. Errors name
 * the source and the path of the offending field, so HR can fix the file.
 */
import { parse as parseYaml } from 'yaml';
import { policySchema, type Policy } from './schema.js';
import { PRESET_IDS, preset, presetInput, type PresetId } from './presets.js';
import { floorViolations } from './floor.js';

export class PolicyError extends Error {
  override name = 'PolicyError';
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge key by key; arrays and scalars in `patch` replace the base (steps are an ordered whole). */
export function deepMerge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    out[k] = k in out ? deepMerge(out[k], v) : v;
  }
  return out as T;
}

export interface PolicySource {
  preset: PresetId;
  overrides?: Record<string, unknown>;
  /** A custom policy file already read by the caller; the domain does no I/O. */
  file?: { name: string; text: string };
}

function validate(raw: unknown, source: string): Policy {
  const parsed = policySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${source} ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new PolicyError(`Invalid policy:\n${lines.join('\n')}`);
}

/**
 * The statutory floor is the preset the policy extends (or the configured preset for a policy
 * written from scratch): its `statutory` elements must survive every override.
 */
function keepFloor(policy: Policy, floorId: PresetId, source: string): Policy {
  const lines = floorViolations(policy, preset(floorId));
  if (!lines.length) return policy;
  throw new PolicyError(
    [
      `Policy refused: ${source} removes statutory safeguards of ${floorId}. An override may make the policy stricter, never remove what the law requires:`,
      ...lines.map((l) => `  ${l}`),
    ].join('\n'),
  );
}

export function resolvePolicy(src: PolicySource): Policy {
  let base: unknown = presetInput(src.preset);
  let source = `preset ${src.preset}`;
  let floorId: PresetId = src.preset;
  if (src.file) {
    let custom: unknown;
    try {
      custom = src.file.name.endsWith('.json') ? JSON.parse(src.file.text) : parseYaml(src.file.text);
    } catch (e) {
      throw new PolicyError(
        `${src.file.name} is not valid ${src.file.name.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`,
      );
    }
    if (!isPlainObject(custom)) throw new PolicyError(`${src.file.name}: expected a mapping of policy fields`);
    const { extends: parent, ...rest } = custom;
    if (parent !== undefined && !PRESET_IDS.includes(parent as PresetId)) {
      throw new PolicyError(`${src.file.name} extends: use one of ${PRESET_IDS.join(', ')}`);
    }
    base = parent ? deepMerge(presetInput(parent as PresetId), rest) : rest;
    if (parent) floorId = parent as PresetId;
    source = src.file.name;
  }
  const hasOverrides = src.overrides && Object.keys(src.overrides).length > 0;
  if (hasOverrides) source = `${source} + policy.overrides`;
  return keepFloor(validate(hasOverrides ? deepMerge(base, src.overrides) : base, source), floorId, source);
}
