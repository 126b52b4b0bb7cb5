/**
 * The key that makes a form submission idempotent. Each adapter names the form instance from what
 * its platform sends (Slack: the view id and hash, which change whenever the view is updated;
 * Feishu: the card message; local: the token rendered into the form), and this adds a digest of
 * what was submitted. A double click, a retrying proxy or a replayed capture carries the same
 * instance and values, so it gets the same key; a corrected resubmission after field errors does
 * not (and the failed one was never remembered anyway).
 */
import { createHash } from 'node:crypto';
import type { FormValues } from '../src/ui/model.js';

export function submissionKey(
  instance: string,
  submitted: { formId: string; state: string; values: FormValues },
): string {
  const values = Object.keys(submitted.values)
    .sort()
    .map((k) => [k, submitted.values[k] ?? null]);
  const digest = createHash('sha256')
    .update(JSON.stringify([submitted.formId, submitted.state, values]))
    .digest('base64url');
  return `${instance}:${digest}`;
}
