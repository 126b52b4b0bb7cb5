import type { AppDeps, FeatureHandlers } from './types.js';
import { helpHandlers } from './help.js';

/**
 * Every feature module's handlers. Each feature adds one line here and keeps its own handler file
 * (`./review.ts`, `./evidence.ts`, `./offboarding.ts`, `./help.ts`).
 */
export function allFeatures(_deps: AppDeps): FeatureHandlers[] {
  return [helpHandlers()];
}
