import type { UseCaseDeps, FeatureHandlers } from './types.js';
import { helpHandlers } from './help.js';
import { reviewHandlers } from './review.js';
import { offboardingHandlers } from './offboarding.js';
import { evidenceHandlers } from './evidence.js';

/**
 * Every feature module's handlers. Each feature adds one line here and keeps its own handler file
 * (`./review.ts`, `./evidence.ts`, `./offboarding.ts`, `./help.ts`).
 */
export function allFeatures(deps: UseCaseDeps): FeatureHandlers[] {
  return [helpHandlers(), reviewHandlers(deps), offboardingHandlers(deps), evidenceHandlers(deps)];
}
