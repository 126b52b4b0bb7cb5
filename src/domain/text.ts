/**
 * How long a piece of text may be, and which characters it may hold: one product decision, the
 * same on every platform, checked by the use cases (typed text) and the importers (files) before
 * anything is written. Each renderer then shows text of these lengths in full on its platform
 * (Feishu types a 3,000-character text in three 1,000-character boxes; Slack splits it into
 * sections), so what is valid on one platform is valid on all of them.
 *
 * The numbers are chosen so that every screen fits every platform with room to spare: a name
 * fits a Slack button label or select option with the words around it, and a free text fits a
 * Slack section or modal input (3,000 characters).
 */

export const TEXT_LIMITS = {
  /** A person's, a job's, a department's or a KPI's name. */
  name: 64,
  /** A KPI's unit ("per week", "h"). */
  unit: 24,
  /** Identifiers: a person's, a job's or a KPI's id. */
  id: 64,
  /** An email address (RFC 5321). */
  email: 254,
  /** One line typed into a form: a training goal, a place, a trainer's name, an agreed action. */
  line: 200,
  /** A meeting link (some carry long tokens); src/domain/meeting-url.ts holds links to it. */
  link: 500,
  /** Free text: comments, discussions, reasons, a training's content, a release. */
  long: 3000,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

/** Kinds of text that may span several lines. */
const MULTILINE: ReadonlySet<TextKind> = new Set(['long']);

/** How many KPIs one job may have: every screen that lists them fits every platform. */
export const MAX_KPIS_PER_JOB = 15;

export type TextProblem =
  | { kind: 'tooLong'; max: number; length: number }
  | { kind: 'control'; position: number }
  /** A line break in a one-line text (a name, a department, a place). */
  | { kind: 'lineBreak'; position: number };

/**
 * Characters never accepted: C0 controls (a tab and, in multi-line text, a line break excepted),
 * DEL, C1 controls, unpaired surrogates, and the bidirectional overrides and isolates, which can
 * make a name read differently from what it is.
 */
// With the `u` flag a surrogate range matches only an unpaired surrogate.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * Length in characters as a person counts them (code points, so an emoji or a rare CJK character
 * counts once), which is also how every platform's input counts.
 */
export const textLength = (text: string): number => [...text].length;

/** Why `text` is not acceptable as `kind`, or null when it is. */
export function textProblem(text: string, kind: TextKind): TextProblem | null {
  const bad = FORBIDDEN.exec(text);
  if (bad) return { kind: 'control', position: textLength(text.slice(0, bad.index)) + 1 };
  const br = MULTILINE.has(kind) ? null : LINE_BREAK.exec(text);
  if (br) return { kind: 'lineBreak', position: textLength(text.slice(0, br.index)) + 1 };
  const length = textLength(text);
  const max = TEXT_LIMITS[kind];
  return length > max ? { kind: 'tooLong', max, length } : null;
}
