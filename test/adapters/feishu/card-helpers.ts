/** Reading cards the fake received, the way a user sees them: buttons, the inline form, text. */

export interface CardButton {
  label: string;
  value: any;
  formAction?: string;
}

/** Every button in a card (also inside forms and column sets), in order. */
export function buttonsIn(card: unknown): CardButton[] {
  const out: CardButton[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, any>;
    if (o.tag === 'button') {
      out.push({
        label: o.text?.content ?? '',
        value: o.behaviors?.find((b: any) => b.type === 'callback')?.value,
        formAction: o.form_action_type,
      });
      return;
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(card);
  return out;
}

/** The callback value of the inline form's submit button. */
export const submitValueOf = (card: unknown) => buttonsIn(card).find((b) => b.formAction === 'submit')?.value;

/** All markdown text in a card, joined, for "the user can read X" assertions. */
export function textOf(card: unknown): string {
  const parts: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, any>;
    if (typeof o.content === 'string') parts.push(o.content);
    for (const v of Object.values(o)) walk(v);
  };
  walk(card);
  return parts.join('\n');
}

/** Names of the inputs in a card's form. */
export function inputNames(card: unknown): string[] {
  const names: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, any>;
    if (['input', 'select_static', 'multi_select_static', 'date_picker', 'picker_datetime'].includes(o.tag))
      names.push(o.name);
    for (const v of Object.values(o)) walk(v);
  };
  walk(card);
  return names;
}
