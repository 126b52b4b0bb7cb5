/**
 * Delivery's one event for the app: messages to a platform were set aside. The adapters' senders
 * report it here (adapters/delivery-policy.ts); the use case alerts HR.
 */
import type { UseCaseDeps } from '../ports/deps.js';
import { makeAlertUndelivered, type AlertUndeliveredInput } from '../usecases/delivery/alert-undelivered.js';

export { HOUR_MS } from '../usecases/delivery/alert-undelivered.js';
export { UNDELIVERED_ALERT } from '../usecases/shared/outbox-keys.js';

export function undeliveredAlerts(deps: UseCaseDeps): (input: AlertUndeliveredInput) => void {
  const alert = makeAlertUndelivered(deps);
  return (input) => void alert(input);
}
