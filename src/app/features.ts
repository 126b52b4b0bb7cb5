import type { UseCaseDeps, FeatureHandlers } from './types.js';
import type { FeatureName } from './commands.js';
import { helpHandlers } from './help.js';
import { reviewHandlers } from './review.js';
import { offboardingHandlers } from './offboarding.js';
import { evidenceHandlers } from './evidence.js';
import { securityHandlers } from './security.js';
import { reportHandlers } from './report.js';
import { filesHandlers } from './files.js';

/**
 * Every feature module, by the name `src/app/commands.ts` uses for its owner. Each feature adds
 * one line here and keeps its own handler file (`./review.ts`, `./evidence.ts`, …).
 */
export const FEATURES: Record<FeatureName, (deps: UseCaseDeps) => FeatureHandlers> = {
  help: helpHandlers,
  review: reviewHandlers,
  offboarding: offboardingHandlers,
  evidence: evidenceHandlers,
  security: securityHandlers,
  report: reportHandlers,
  files: filesHandlers,
};

export function allFeatures(deps: UseCaseDeps): FeatureHandlers[] {
  return Object.values(FEATURES).map((feature) => feature(deps));
}
