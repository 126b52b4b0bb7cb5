/**
 * `card.action.trigger` (card JSON 2.0 callbacks) → a neutral action or submission. Defensive:
 * returns null for a payload it cannot use. Shape seen (after the SDK flattens header + event):
 *   { event_id, operator: { open_id }, action: { tag, name, value, form_value? },
 *     context: { open_message_id, open_chat_id } }
 */
import { isActionId, isFormId, type ActionId, type FormId } from '../../../src/ui/actions.js';
import type { Form, FormValues } from '../../../src/ui/model.js';
import { CHECK_SEPARATOR, PART_SEPARATOR } from '../render/form.js';

export type ParsedCardAction =
  | { kind: 'action'; openId: string; actionId: ActionId; value: string; messageId?: string; shared: boolean }
  | {
      kind: 'submit';
      openId: string;
      formId: FormId;
      state: string;
      values: FormValues;
      /** The key of the form's snapshot (see render/form.ts). */
      formKey: string | null;
      /** A form carried in the value by cards sent before snapshots existed. */
      form: Form | null;
      /** Inputs that were a person search: their values are open_ids. */
      personInputs: string[];
      messageId?: string;
    };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const asString = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

export function parseCardAction(data: unknown): ParsedCardAction | null {
  if (!isRecord(data)) return null;
  const operator = isRecord(data.operator) ? data.operator : {};
  const openId = asString(operator.open_id) ?? asString(data.open_id);
  const action = isRecord(data.action) ? data.action : null;
  if (!openId || !action) return null;
  const context = isRecord(data.context) ? data.context : {};
  const messageId = asString(context.open_message_id) ?? asString(data.open_message_id);
  // Old-style cards send the value as a JSON string; 2.0 sends an object.
  const value = typeof action.value === 'string' ? safeJson(action.value) : action.value;
  if (!isRecord(value)) return null;

  if (isRecord(action.form_value) || 'f' in value) {
    const formId = asString(value.f);
    if (!formId || !isFormId(formId)) return null;
    return {
      kind: 'submit',
      openId,
      formId,
      state: asString(value.s) ?? '',
      values: normalizeFormValues(isRecord(action.form_value) ? action.form_value : {}),
      formKey: asString(value.k) ?? null,
      form: looksLikeForm(value.form) ? value.form : null,
      personInputs: Array.isArray(value.p) ? value.p.filter((x): x is string => typeof x === 'string') : [],
      messageId,
    };
  }
  const actionId = asString(value.a);
  if (!actionId || !isActionId(actionId)) return null;
  return { kind: 'action', openId, actionId, value: asString(value.v) ?? '', messageId, shared: value.g === 1 };
}

/**
 * Feishu sends dates as "2026-11-23 +0800" and date-times as "2026-11-23 10:30 +0800". The neutral
 * model uses "2026-11-23" and "2026-11-23T10:30+08:00". A text typed in parts (`comment`,
 * `comment~2`… see render/form.ts) is joined back into one value, in order.
 */
export function normalizeFormValues(raw: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  const parts = new Map<string, { n: number; text: string }[]>();
  for (const [k, v] of Object.entries(raw)) {
    const part = new RegExp(`^(.+)${PART_SEPARATOR}(\\d{1,2})$`).exec(k);
    if (part && typeof v === 'string') {
      const list = parts.get(part[1]!) ?? [];
      list.push({ n: Number(part[2]), text: v });
      parts.set(part[1]!, list);
      continue;
    }
    const check = k.indexOf(CHECK_SEPARATOR);
    if (typeof v === 'boolean' && check > 0) {
      // A checker of a multiselect shown as checkboxes (render/form.ts): its input lists the checked ones.
      const id = k.slice(0, check);
      const list = Array.isArray(out[id]) ? (out[id] as string[]) : [];
      if (v) list.push(k.slice(check + CHECK_SEPARATOR.length));
      out[id] = list;
      continue;
    }
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = normalizeDate(v);
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  for (const [id, list] of parts) {
    const first = typeof out[id] === 'string' ? (out[id] as string) : '';
    out[id] =
      first +
      list
        .sort((a, b) => a.n - b.n)
        .map((p) => p.text)
        .join('');
  }
  return out;
}

function normalizeDate(v: string): string {
  const dateOnly = /^(\d{4}-\d{2}-\d{2}) [+-]\d{4}$/.exec(v);
  if (dateOnly) return dateOnly[1]!;
  const dateTime = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) ([+-])(\d{2})(\d{2})$/.exec(v);
  if (dateTime) return `${dateTime[1]}T${dateTime[2]}${dateTime[3]}${dateTime[4]}:${dateTime[5]}`;
  return v;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

const looksLikeForm = (x: unknown): x is Form =>
  isRecord(x) && typeof x.formId === 'string' && Array.isArray(x.inputs) && typeof x.title === 'string';
