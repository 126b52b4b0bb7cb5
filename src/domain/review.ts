/**
 * Pure rules of a weekly review: whether a KPI met its target, what a submitted form must contain,
 * and how the define-KPIs text is parsed. Errors are codes; the use case localises them.
 */
import { kpiBounds, type Kpi } from './kpi.js';
import { MAX_KPIS_PER_JOB, TEXT_LIMITS, textProblem } from './text.js';

/** A KPI's definition copied into a review, with the actual value and whether it met its target. */
export interface KpiResult extends Kpi {
  actual: number;
  met: boolean;
  /** The figure a data feed gave for the period when the review was written, and its source. */
  imported?: ImportedFigure;
  /** Why `actual` differs from `imported` (or was typed for a `source: feed` KPI with no figure). */
  changeReason?: string;
}

/** A figure from a data feed (src/domain/kpi-actual.ts) as the review form offers it. */
export interface ImportedFigure {
  value: number;
  source: string;
}

/** What a manager writes in a review: the part the form validates and an amendment may change. */
export interface ReviewContent {
  rating: number;
  strengths: string;
  improvement: string;
  comment: string;
  /** True when any KPI missed its target. */
  belowTarget: boolean;
  results: KpiResult[];
}

/** Input ids of the review form. KPI inputs are `kpi_<key>` so an error lands on the right field. */
export const REVIEW_INPUTS = {
  rating: 'rating',
  strengths: 'strengths',
  improvement: 'improvement',
  comment: 'comment',
} as const;
export const kpiInputId = (key: string) => `kpi_${key}`;
/**
 * The reason input beside a KPI whose figure came from a feed (or should have). A different
 * prefix from `kpi_`, so no KPI key can make one id equal another.
 */
export const kpiReasonInputId = (key: string) => `kpireason_${key}`;

export const RATINGS = [1, 2, 3, 4, 5] as const;
/** At or below this rating the improvement suggestion is required. */
export const LOW_RATING = 2;

export type ReviewFieldError =
  | 'required'
  | 'notANumber'
  /** Outside the KPI's range (`kpiBounds`): below its minimum or above its maximum. */
  | 'belowMin'
  | 'aboveMax'
  | 'improvementRequired'
  | 'ratingInvalid'
  | 'tooLong'
  | 'controlCharacter'
  /** A reason beside a KPI is short (TEXT_LIMITS.line). */
  | 'reasonTooLong'
  /** The figure differs from the feed's: say why. */
  | 'changeReasonRequired'
  /** A `source: feed` KPI with nothing from the feed: the typed figure needs a reason. */
  | 'feedMissingReasonRequired';

/** Long enough for a real paragraph, short enough for a Slack modal input (3,000 max). */
export const MAX_TEXT = TEXT_LIMITS.long;

export function kpiMet(k: Pick<Kpi, 'target' | 'direction'>, actual: number): boolean {
  return k.direction === 'higher' ? actual >= k.target : actual <= k.target;
}

/** A number as people type it: "42", "3.5", "-1", "1,234.5". Null for anything else. */
export function parseNumber(raw: string | undefined): number | null {
  const s = (raw ?? '').trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? '')).trim();

/**
 * Checks a submitted review form against the job's KPIs. Returns either the review content or
 * error codes keyed by input id (all of them at once, so the form shows every problem together).
 */
export function validateReview(
  kpis: Kpi[],
  values: Record<string, string | string[] | undefined>,
  /** The period's figures from data feeds, by KPI key (read from the store, never from the form). */
  imported: Readonly<Record<string, ImportedFigure>> = {},
): { ok: true; content: ReviewContent } | { ok: false; errors: Record<string, ReviewFieldError> } {
  const errors: Record<string, ReviewFieldError> = {};
  const results: KpiResult[] = [];
  for (const k of kpis) {
    const id = kpiInputId(k.key);
    const raw = text(values[id]);
    if (!raw) {
      errors[id] = 'required';
      continue;
    }
    const actual = parseNumber(raw);
    if (actual === null) {
      errors[id] = 'notANumber';
      continue;
    }
    const bounds = kpiBounds(k);
    if (actual < bounds.min) {
      errors[id] = 'belowMin';
      continue;
    }
    if (actual > bounds.max) {
      errors[id] = 'aboveMax';
      continue;
    }
    const fromFeed = imported[k.key];
    const reasonId = kpiReasonInputId(k.key);
    const reason = text(values[reasonId]);
    // Short (TEXT_LIMITS.line), so one input beside each KPI holds it on every platform.
    const reasonProblem = reason ? textProblem(reason, 'long') : null;
    if (reasonProblem || [...reason].length > TEXT_LIMITS.line) {
      errors[reasonId] = reasonProblem?.kind === 'control' ? 'controlCharacter' : 'reasonTooLong';
      continue;
    }
    // A reason is kept only where one is owed: a figure other than the feed's, or a feed that never came.
    const owed = fromFeed ? fromFeed.value !== actual : k.source === 'feed';
    if (owed && !reason) {
      errors[reasonId] = fromFeed ? 'changeReasonRequired' : 'feedMissingReasonRequired';
      continue;
    }
    results.push({
      ...k,
      actual,
      met: kpiMet(k, actual),
      ...(fromFeed ? { imported: { value: fromFeed.value, source: fromFeed.source } } : {}),
      ...(owed ? { changeReason: reason } : {}),
    });
  }
  const ratingRaw = text(values[REVIEW_INPUTS.rating]);
  const rating = Number(ratingRaw);
  if (!ratingRaw) errors[REVIEW_INPUTS.rating] = 'required';
  else if (!RATINGS.includes(rating as (typeof RATINGS)[number])) errors[REVIEW_INPUTS.rating] = 'ratingInvalid';

  const strengths = text(values[REVIEW_INPUTS.strengths]);
  const improvement = text(values[REVIEW_INPUTS.improvement]);
  const comment = text(values[REVIEW_INPUTS.comment]);
  for (const [id, v] of [
    [REVIEW_INPUTS.strengths, strengths],
    [REVIEW_INPUTS.improvement, improvement],
    [REVIEW_INPUTS.comment, comment],
  ] as const) {
    const problem = textProblem(v, 'long');
    if (problem) errors[id] = problem.kind === 'tooLong' ? 'tooLong' : 'controlCharacter';
  }

  const belowTarget = results.some((r) => !r.met);
  // Judged on what we could parse: a KPI already in error gets its own message first.
  const lowRating = !errors[REVIEW_INPUTS.rating] && rating <= LOW_RATING;
  if ((belowTarget || lowRating) && !improvement && !errors[REVIEW_INPUTS.improvement])
    errors[REVIEW_INPUTS.improvement] = 'improvementRequired';

  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, content: { rating, strengths, improvement, comment, belowTarget, results } };
}

/** The KPIs a form's figures put below target (figures that do not parse are left out). */
export function kpisBelowTarget(kpis: Kpi[], values: Record<string, string | string[] | undefined>): Kpi[] {
  return kpis.filter((k) => {
    const actual = parseNumber(text(values[kpiInputId(k.key)]));
    return actual !== null && !kpiMet(k, actual);
  });
}

/** Keys of the KPIs that missed their target, for follow-up buttons (training, conversation). */
export const missedKpiKeys = (results: KpiResult[]) => results.filter((r) => !r.met).map((r) => r.key);

// ---------------------------------------------------------------------------------------------
// Define-KPIs text: one KPI per line, `key | name | unit | target | higher|lower`.
// A single multiline input renders the same on a Slack modal, a Feishu card and the web page.
// ---------------------------------------------------------------------------------------------

export type KpiLineError =
  | 'columns'
  | 'key'
  | 'name'
  | 'nameTooLong'
  | 'unitTooLong'
  | 'target'
  | 'direction'
  | 'bound'
  | 'range'
  | 'duplicate'
  | 'empty'
  | 'tooMany';

const DIRECTIONS: Record<string, Kpi['direction']> = {
  higher: 'higher',
  high: 'higher',
  up: 'higher',
  越高越好: 'higher',
  高: 'higher',
  lower: 'lower',
  low: 'lower',
  down: 'lower',
  越低越好: 'lower',
  低: 'lower',
};

export const KPI_KEY = /^[a-z0-9][a-z0-9_.-]{0,39}$/i;

/**
 * Parses the KPI lines; blank lines and lines starting with `#` are ignored. Line numbers are
 * 1-based. Two more parts, `| min | max`, may bound the figures a review records (either may be
 * left empty); the target must lie within them.
 */
export function parseKpiLines(
  input: string,
): { ok: true; kpis: Kpi[] } | { ok: false; errors: { line: number; error: KpiLineError }[] } {
  const errors: { line: number; error: KpiLineError }[] = [];
  const kpis: Kpi[] = [];
  const seen = new Set<string>();
  input.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    // Full-width bars are what a Chinese IME types.
    const cols = trimmed.split(/[|｜]/).map((c) => c.trim());
    if (cols.length < 5 || cols.length > 7) return void errors.push({ line, error: 'columns' });
    const [key, name, unit, targetRaw, dirRaw, minRaw = '', maxRaw = ''] = cols as [
      string,
      string,
      string,
      string,
      string,
      string?,
      string?,
    ];
    if (!KPI_KEY.test(key)) return void errors.push({ line, error: 'key' });
    if (!name) return void errors.push({ line, error: 'name' });
    if (textProblem(name, 'name')) return void errors.push({ line, error: 'nameTooLong' });
    if (textProblem(unit, 'unit')) return void errors.push({ line, error: 'unitTooLong' });
    const target = parseNumber(targetRaw);
    if (target === null) return void errors.push({ line, error: 'target' });
    const direction = DIRECTIONS[dirRaw.toLowerCase()];
    if (!direction) return void errors.push({ line, error: 'direction' });
    const min = minRaw ? parseNumber(minRaw) : undefined;
    const max = maxRaw ? parseNumber(maxRaw) : undefined;
    if (min === null || max === null) return void errors.push({ line, error: 'bound' });
    const kpi: Kpi = {
      key,
      name,
      unit,
      target,
      direction,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    };
    const bounds = kpiBounds(kpi);
    if (bounds.min >= bounds.max || target < bounds.min || target > bounds.max)
      return void errors.push({ line, error: 'range' });
    if (seen.has(key)) return void errors.push({ line, error: 'duplicate' });
    seen.add(key);
    // Every screen that lists a job's KPIs is held to this many (src/domain/text.ts).
    if (kpis.length === MAX_KPIS_PER_JOB) return void errors.push({ line, error: 'tooMany' });
    kpis.push(kpi);
  });
  if (errors.length) return { ok: false, errors };
  if (!kpis.length) return { ok: false, errors: [{ line: 1, error: 'empty' }] };
  return { ok: true, kpis };
}

/** The inverse of parseKpiLines, to pre-fill the form with the current set. */
export const formatKpiLines = (kpis: Kpi[]) =>
  kpis
    .map((k) => {
      const line = `${k.key} | ${k.name} | ${k.unit} | ${k.target} | ${k.direction}`;
      return k.min === undefined && k.max === undefined ? line : `${line} | ${k.min ?? ''} | ${k.max ?? ''}`;
    })
    .join('\n');

/**
 * A reassessment's period: its date and a word no reader sees, stored the same whoever records it,
 * so each reader gets it in their own language (src/ui/period.ts).
 */
export const reassessmentPeriodLabel = (date: string): string => `${date} · reassessment`;

/**
 * The date of a reassessment's period label, else null. Rows recorded before the label was neutral
 * hold the word in the author's language.
 */
export function reassessmentDateOf(label: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2}) · (?:reassessment|Reassessment|再次考核)$/.exec(label);
  return m ? m[1]! : null;
}

/** "2026-W48" → 48, for "Week 48 reviews"; other labels are shown as they are. */
export function weekNumberOf(label: string): number | null {
  const m = /^\d{4}-W(\d{2})$/.exec(label);
  return m ? Number(m[1]) : null;
}
