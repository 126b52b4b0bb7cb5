/**
 * The neutral message model. Use cases and screen builders produce these plain objects; each
 * adapter has exactly one renderer (Block Kit, Feishu card JSON 2.0, HTML) that switches on `type`.
 *
 * Every string a person reads (texts, labels, hints, titles, errors, toasts) is in a tiny markup
 * every platform can express, parsed once by `./markup.ts`:
 *   **bold**, `code`, [label](https://url), mentions written `<@person:ID>` (resolved per
 *   platform), and line breaks. Anything else is literal text, which every renderer escapes for its
 *   platform; wrap user text in `literal()` where it must not be read as markup at all.
 * Fields a platform shows as plain text (headers, buttons, options, titles) get the markup's
 * visible text: a link's label, a mention's `@name`.
 */
import type { ActionId, FormId } from './actions.js';

export interface Message {
  /** Plain-text fallback for notifications and screen readers. */
  text: string;
  blocks: Block[];
  /**
   * People act on this message for weeks (an open case, a record awaiting acknowledgment). Where a
   * platform's cards stop answering after a while (Feishu: 14 days), the adapter sends it again as
   * a fresh card before then. Builders set it while the message has buttons that matter.
   */
  lasting?: true;
}

export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: Field[] }
  | { type: 'context'; text: string }
  | { type: 'divider' }
  | { type: 'actions'; buttons: Button[] }
  /** ✅/❌ lines, e.g. the evidence checklist of a case. */
  | { type: 'checklist'; items: ChecklistItem[] }
  /** A form shown inside the message (Feishu cards, the local workspace); Slack opens it as a modal. */
  | { type: 'form'; form: Form };

export interface Field {
  label: string;
  value: string;
}

export interface ChecklistItem {
  ok: boolean;
  label: string;
  detail?: string;
}

export type ButtonStyle = 'primary' | 'danger' | 'default';

export interface Button {
  actionId: ActionId;
  label: string;
  /** Opaque to the platform and untrusted on the way back: use cases re-check it against the db. */
  value: string;
  style?: ButtonStyle;
  /** Ask "are you sure?" before the action fires. */
  confirm?: { title: string; text: string; confirm: string; deny: string };
}

/**
 * A form. Slack renders it as a modal (views.open), Feishu inline in a card, the local workspace as
 * a dialog. On submit the adapter hands `{ formId, state, values }` back to the owning use case.
 */
export interface Form {
  formId: FormId;
  title: string;
  submitLabel: string;
  cancelLabel?: string;
  /** Opaque context the form carries (e.g. a slot id). Untrusted on the way back. */
  state: string;
  /** Read-only lines shown above the inputs (e.g. the employee and the period). */
  intro?: Block[];
  inputs: Input[];
  /** Inline errors keyed by input id, shown next to the input. */
  errors?: Record<string, string>;
}

export interface Option {
  value: string;
  label: string;
}

interface InputBase {
  /** Stable id; it is the key of the submitted value and of any error. */
  id: string;
  label: string;
  hint?: string;
  /** Optional inputs are marked "(optional)" by renderers that support it. */
  optional?: boolean;
  /**
   * Asked only by someone who wants it: the renderers put these inputs behind one "More" (a
   * collapsed section on the page and in a Feishu card, a marked section at the end of a Slack
   * modal, whose Submit never scrolls away). Only for optional inputs; an error on one opens it.
   */
  more?: true;
}

export type Input =
  | (InputBase & { kind: 'text'; multiline?: boolean; initial?: string; placeholder?: string; maxLength?: number })
  | (InputBase & {
      kind: 'number';
      initial?: string;
      placeholder?: string;
      decimal?: boolean;
      min?: number;
      max?: number;
    })
  | (InputBase & {
      kind: 'select';
      options: Option[];
      initial?: string;
      placeholder?: string;
      /**
       * The options are people (values are person ids). A platform with a person picker may offer it
       * for a long list instead of the options (a Slack or Feishu search); the use case checks the
       * choice either way.
       */
      people?: true;
      /**
       * Too many options to send (every eligible person of an organisation): they are searched on the
       * server as the person types. `options` then holds at most the current choice. An adapter asks
       * `Router.suggest` with the form's id and state, this input's id and the typed text; a platform
       * that cannot ask while a form is open (a Feishu card) shows a text input instead, and the use
       * case resolves the typed text on submit. The submit checks the choice either way.
       */
      search?: {
        /** Suggestions start after this many typed characters (one CJK character is a surname). */
        minQueryLength: number;
      };
    })
  | (InputBase & {
      kind: 'multiselect';
      options: Option[];
      initial?: string[];
      placeholder?: string;
      /** A short list (a job's KPIs) shown as checkboxes where the platform has them: one click each. */
      checkboxes?: true;
    })
  | (InputBase & { kind: 'date'; initial?: string })
  | (InputBase & { kind: 'datetime'; initial?: string })
  /**
   * Files to attach (Slack's file_input, the local workspace's upload field). The adapter fetches,
   * checks and stores them before the use case runs, and hands them over beside the values
   * (`Inbound.files`), never as a typed value. Feishu cards cannot carry files: the Feishu renderer
   * shows `hint` instead, and files come as a reply in the chat.
   */
  | (InputBase & {
      kind: 'file';
      maxFiles: number;
      /** File extensions offered by the picker (a convenience only: the content is what is checked). */
      accept: string[];
    });

/** What an adapter gets back from a submitted form: strings, or string arrays for multiselects. */
export type FormValues = Record<string, string | string[] | undefined>;

/** The answer a use case gives to an interaction, rendered as a modal error, ephemeral or toast. */
export type Reply =
  | { kind: 'ok'; toast?: string; message?: Message }
  | { kind: 'form'; form: Form }
  | { kind: 'formErrors'; errors: Record<string, string> }
  /**
   * A refusal. `actions` are buttons that unblock it (the text names the same action); every
   * renderer shows them with the text: an ephemeral message, a modal notice, a card, a page message.
   */
  | { kind: 'error'; code: string; text: string; actions?: Button[] };

/** A refusal with its unblocking buttons as a message, for renderers that show it as one. */
export function refusalMessage(text: string, actions: Button[] = []): Message {
  return {
    text,
    blocks: [{ type: 'text', text }, ...(actions.length ? [{ type: 'actions' as const, buttons: actions }] : [])],
  };
}

/**
 * Files a message can come with, as neutral models: a chart (drawn as PNG or SVG by
 * adapters/reports) and a spreadsheet (written as XLSX). The outbox carries them as they are.
 */
export type { ChartSpec } from './charts/model.js';
export type { Workbook } from './workbook.js';
