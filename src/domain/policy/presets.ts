/**
 * The three shipped presets, as data (docs/policies/<id>.md). Numbers marked "default" there are product
 * defaults a company may override in its config; the law does not set them. Elements marked
 * `statutory` form the floor no override can go below (`floor.ts`).
 */
import { policySchema, type Policy, type PolicyInput } from './schema.js';
import { cnArt40 } from './presets/cn-art40.js';
import { usPip } from './presets/us-pip.js';
import { ukCapability } from './presets/uk-capability.js';

export const PRESET_IDS = ['cn-art40', 'us-pip', 'uk-capability'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const RAW: Record<PresetId, PolicyInput> = { 'cn-art40': cnArt40, 'us-pip': usPip, 'uk-capability': ukCapability };

/** The raw (pre-default) data, so overrides merge into what the company would have written. */
export const presetInput = (id: PresetId): PolicyInput => structuredClone(RAW[id]);

export const preset = (id: PresetId): Policy => policySchema.parse(presetInput(id));
