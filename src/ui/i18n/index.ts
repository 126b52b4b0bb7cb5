/**
 * Every user-facing string, in `en` and `zh-CN`. Each feature keeps its own catalog file
 * (`./review.ts` …) exporting `{ en, zh }`; `zh` must have exactly the keys of `en`.
 * Placeholders are `{name}`.
 */
import { LOCALES, type Locale } from '../../domain/locale.js';
import * as common from './common.js';
import * as help from './help.js';
import * as home from './home.js';
import * as commands from './commands.js';
import * as feishu from './feishu.js';
import * as local from './local.js';
import * as review from './review.js';
import * as evidence from './evidence.js';
import * as evidenceTraining from './evidence-training.js';
import * as evidenceConversations from './evidence-conversations.js';
import * as evidenceAdjustments from './evidence-adjustments.js';
import * as evidenceRecord from './evidence-record.js';
import * as evidenceErrors from './evidence-errors.js';
import * as slack from './slack.js';
import * as importing from './import.js';
import * as offboarding from './offboarding.js';
import * as offboardingChecklist from './offboarding-checklist.js';
import * as offboardingSettlement from './offboarding-settlement.js';
import * as offboardingStepForm from './offboarding-step-form.js';
import * as offboardingProtect from './offboarding-protect.js';
import * as offboardingReport from './offboarding-report.js';
import * as offboardingDossier from './offboarding-dossier.js';
import * as report from './report.js';
import * as security from './security.js';
import * as delivery from './delivery.js';
import * as gate from './gate.js';
import * as warning from './warning.js';
import * as evidenceTerms from './evidence-terms.js';
import * as conduct from './conduct.js';
import * as files from './files.js';
import * as kpiFeed from './kpi-feed.js';

const catalogs = [
  common,
  help,
  home,
  commands,
  feishu,
  local,
  review,
  evidence,
  evidenceTraining,
  evidenceConversations,
  evidenceAdjustments,
  evidenceRecord,
  evidenceErrors,
  slack,
  importing,
  offboarding,
  offboardingChecklist,
  offboardingSettlement,
  offboardingStepForm,
  offboardingProtect,
  offboardingReport,
  offboardingDossier,
  report,
  security,
  delivery,
  gate,
  warning,
  evidenceTerms,
  conduct,
  files,
  kpiFeed,
] as const;

type Merge<T extends readonly { en: object }[]> = T extends readonly [infer H, ...infer R]
  ? (H extends { en: infer E } ? E : never) & (R extends readonly { en: object }[] ? Merge<R> : unknown)
  : unknown;

export type MessageKey = keyof Merge<typeof catalogs> & string;

const tables: Record<Locale, Record<string, string>> = { en: {}, 'zh-CN': {} };
for (const c of catalogs) {
  Object.assign(tables.en, c.en);
  Object.assign(tables['zh-CN'], c.zh);
}

export { LOCALES };

/** Every key, in catalog order (scripts/i18n-unused.ts checks each is used somewhere). */
export const MESSAGE_KEYS = Object.keys(tables.en) as MessageKey[];

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = tables[locale][key] ?? tables.en[key] ?? key;
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/**
 * A template split once at its placeholders: text, name, text, …, text. Screens call `t` a dozen
 * times per answer, so the catalog's templates are parsed on first use, not on every call.
 */
const parsedTemplates = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = parsedTemplates.get(template);
  if (!parts) parsedTemplates.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

/** A translator bound to one locale, for screen builders. */
export type T = (key: MessageKey, params?: Record<string, string | number>) => string;
export const translator =
  (locale: Locale): T =>
  (key, params) =>
    t(locale, key, params);

/** Every key present in one catalog but not the other; the i18n test asserts this is empty. */
export function catalogGaps(): string[] {
  const gaps: string[] = [];
  for (const c of catalogs) {
    for (const k of Object.keys(c.en)) if (!(k in c.zh)) gaps.push(`zh-CN missing ${k}`);
    for (const k of Object.keys(c.zh)) if (!(k in c.en)) gaps.push(`en missing ${k}`);
  }
  return gaps;
}
