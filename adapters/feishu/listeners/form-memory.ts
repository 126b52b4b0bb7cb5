/** Keeps a snapshot of every form a listener shows, so a rejected submission can be shown again. */
import type { Form } from '../../../src/ui/model.js';
import type { ListenerDeps } from './index.js';

export function formMemory(deps: Pick<ListenerDeps, 'forms' | 'log'>): (key: string, form: Form) => void {
  return (key, form) => {
    try {
      deps.forms.save(key, form, Date.now());
    } catch (err) {
      // Without a snapshot a rejected submission is answered with a toast; the card keeps its input.
      deps.log.warn({ err }, 'could not keep a form snapshot');
    }
  };
}
