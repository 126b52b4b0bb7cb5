/**
 * The policy model (docs/policies/README.md, "The common model"): a policy is data. Presets,
 * config overrides and a custom policy file all end up as one `Policy`, validated by this schema,
 * and one engine (`evaluateEvidence`, `canAdvance`) reads it. No preset gets its own code path.
 */
import { z } from 'zod';

export const EVIDENCE_KINDS = [
  'kpi_defined',
  'kpi_acknowledged',
  'below_target_review',
  'conversation',
  'remedy',
  'reassessment_failed',
  'warning',
  'pip',
  'pip_check_ins',
  'pip_failed',
  /** Misconduct: an incident record naming the handbook rule broken, with its evidence. */
  'incident',
  /** Misconduct: the employee acknowledged the handbook (version) holding that rule, before the incident. */
  'rule_acknowledged',
  /** Misconduct: the employee's written statement on the incident, or a refusal before a witness. */
  'employee_response',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const REASON_KINDS = ['performance', 'mutual', 'misconduct'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

const localized = z.object({ en: z.string(), zh: z.string().optional() });
export type LocalizedText = z.infer<typeof localized>;

/** Legal basis of an element that no override may remove (see `floor.ts`). Presets set it; the floor reads the preset. */
const statutory = z.string().optional();

/** One or several item ids; always an array once parsed. */
const itemRefs = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const conditionsSchema = z.object({
  /** The employee responded (acknowledged or disputed; a witnessed refusal if refusalCounts). */
  acknowledged: z.boolean().default(false),
  /** Whether a witnessed refusal counts as a response. The policy decides; never silently. */
  refusalCounts: z.boolean().default(true),
  /** Counts only after the end of a record counted by each of these items (the order the law tells). */
  after: itemRefs,
  /** ... and at least this many days after that end (e.g. the wait before a reassessment). */
  minDaysAfter: z.number().int().min(0).default(0),
  /** Counts only before a record counted by this item (a rule known before the incident). */
  before: z.string().optional(),
  /** Counts only while a record of this item runs (check-ins during the PIP). */
  during: z.string().optional(),
  /** Measured against the KPIs the anchor record targeted (training plan, PIP) or its new job. */
  sameKpis: z.boolean().default(false),
  /** For notes: which note kinds count. */
  noteKinds: z.array(z.string()).optional(),
  /** For reviews: which review kinds count. */
  reviewKinds: z.array(z.enum(['regular', 'reassessment'])).optional(),
  /** The counted records fall within this many days of each other ("2 reviews within 180 days"). */
  spanDays: z.number().int().min(1).optional(),
  /** Reviews: the employee had acknowledged that KPI version before the review's period began. */
  kpisKnownFirst: z.boolean().default(false),
  /** Remedy / PIP: targets at least one KPI missed in the reviews it follows. */
  targetsMissedKpis: z.boolean().default(false),
  /** Remedy by training: the share of sessions the employee attended (0.8 = 80%). */
  minAttendance: z.number().min(0).max(1).default(0),
  /** Remedy by training: every session has a file attached to it, its signed sign-in sheet (培训签到表). */
  signedSheets: z.boolean().default(false),
  /** Remedy by job adjustment: made because of the performance gap (not a restructuring). */
  performanceReason: z.boolean().default(false),
  /** PIP: the stated length in days must be one of these. */
  lengths: z.array(z.number().int().positive()).optional(),
  /** Check-ins: at most this many days between check-ins over the run of the `during` record. */
  everyDays: z.number().int().min(1).optional(),
  /** Warnings: a review period of at least this many days runs from the record (a stated longer one counts). */
  reviewPeriodDays: z.number().int().min(0).default(0),
  /** Warnings: held after a hearing for this stage whose invitation stated the right to be accompanied. */
  hearing: z.boolean().default(false),
  /** Warnings: the document states the risk of dismissal. */
  statesDismissalRisk: z.boolean().default(false),
});
export type Conditions = z.infer<typeof conditionsSchema>;

export const SUPPLIERS = ['manager', 'hr', 'employee'] as const;
export type Supplier = (typeof SUPPLIERS)[number];

export const evidenceItemSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS, `use one of ${EVIDENCE_KINDS.join(', ')}`),
  /** How many qualifying records are needed. */
  count: z.number().int().min(1, 'count must be at least 1'),
  /** Records older than this many days (before "now") do not count. */
  windowDays: z.number().int().min(1, 'windowDays must be at least 1'),
  conditions: conditionsSchema.default(conditionsSchema.parse({})),
  /** Who must supply the record; the checklist names them. Defaults by kind (see `evaluate.ts`). */
  suppliedBy: z.enum(SUPPLIERS).optional(),
  label: localized.optional(),
  statutory,
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const ACTOR_ROLES = ['manager', 'hr'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const STEP_INPUTS = ['none', 'date', 'notice', 'release', 'hearing', 'appeal'] as const;
export type StepInput = (typeof STEP_INPUTS)[number];

export const stepSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/, 'step ids are lower_snake_case'),
  /** Who may perform the step. `manager` is the employee's own line manager, nobody else. */
  who: z.array(z.enum(ACTOR_ROLES)).min(1),
  /** `all`: every role in `who` must confirm, each a different person (a meeting both attend); `any`: one of them. */
  mode: z.enum(['any', 'all']).default('any'),
  /** What the click records besides who and when. */
  input: z.enum(STEP_INPUTS).default('none'),
  /** The evidence checklist must be complete before this step. */
  requiresEvidence: z.boolean().default(true),
  /** Protected statuses are checked again right before this step. */
  checksBlockers: z.boolean().default(false),
  /**
   * `not_manager`: the actor may not be the employee's line manager (HR approval, never the manager
   * alone). `not_involved`: the person named in the step (the appeal's hearer) took no part before.
   */
  independent: z.enum(['none', 'not_manager', 'not_involved']).default('none'),
  /**
   * The step cannot be done before the date an earlier step recorded: a hearing is held on or
   * after the day its invitation set, never "held" the day the invitation went out.
   */
  notBeforeDateOf: z.string().optional(),
  label: localized.optional(),
  statutory,
});
export type Step = z.infer<typeof stepSchema>;

/** Statuses derived from the person's record instead of entered by HR. */
export const deriveSchema = z.object({
  /** Art. 42(5): N+ years' continuous service and within M years of statutory retirement (China, 2025 reform). */
  kind: z.literal('cn_service_and_retirement'),
  minServiceYears: z.number().int().min(1).default(15),
  withinYears: z.number().int().min(1).default(5),
});

export const blockerSchema = z.object({
  id: z.string(),
  /** Protected-status kinds recorded by HR that trigger this blocker. */
  statuses: z.array(z.string()).min(1),
  /** For "recent" risks (a complaint, protected leave): still blocks this many days after it ended. */
  recentDays: z.number().int().min(0).default(0),
  derive: deriveSchema.optional(),
  label: localized.optional(),
  statutory,
});
export type Blocker = z.infer<typeof blockerSchema>;

export const noticeSchema = z.discriminatedUnion('kind', [
  /** A fixed notice period, optionally replaceable by pay in lieu (cn-art40: 30 days or 代通知金). */
  z.object({ kind: z.literal('fixed_days'), days: z.number().int().min(0), payInLieu: z.boolean().default(true) }),
  /** UK ERA s.86: 1 week after 1 month's service, then 1 week per full year from 2 years, max 12. */
  z.object({ kind: z.literal('uk_s86'), contractWeeks: z.number().int().min(0).default(0) }),
  z.object({ kind: z.literal('none') }),
]);
export type NoticeRule = z.infer<typeof noticeSchema>;

export const severanceSchema = z.discriminatedUnion('kind', [
  /** Art. 46–47: N months' wage; 3× local-average cap and 12-year cap; N+1 with pay in lieu; 2N risk. */
  z.object({
    kind: z.literal('cn_n'),
    capMultiple: z.number().positive().default(3),
    capYears: z.number().int().positive().default(12),
    unlawfulMultiple: z.number().positive().default(2),
    /** Service before 2008-01-01 (Art. 97(3)): months under the rules of the time, at most this many. */
    preLawCapMonths: z.number().int().positive().default(12),
    /** Art. 46(2): owed on a mutual agreement only when the employer proposed it. */
    onlyIfEmployerProposed: z.boolean().default(false),
    /** Show HR the unlawful-termination figure (not on an agreed exit). */
    showUnlawfulRisk: z.boolean().default(true),
  }),
  /** No statutory severance; OWBPA review periods if a release is offered to someone 40+. */
  z.object({
    kind: z.literal('none'),
    owbpa: z
      .object({ considerDays: z.number().int(), groupConsiderDays: z.number().int(), revokeDays: z.number().int() })
      .optional(),
  }),
]);
export type SeveranceRule = z.infer<typeof severanceSchema>;

const pathSchema = z.object({
  /** The path's name on the case title and policy line (协商一致解除, 严重违纪). */
  label: localized.optional(),
  /** The legal basis quoted on the policy line for this path. */
  basis: localized.optional(),
  evidence: z.record(z.string(), evidenceItemSchema),
  steps: z.array(stepSchema).min(1),
  /** Check protected statuses when the case opens (Art. 42 does not restrict Art. 36/39 exits). */
  blockersAtOpen: z.boolean().default(true),
  /** Who may open a case on this path. */
  openedBy: z.array(z.enum(ACTOR_ROLES)).min(1).default(['manager', 'hr']),
  /** This path's own notice and severance, when they differ from the policy's (Art. 39 owes neither). */
  notice: noticeSchema.optional(),
  severance: severanceSchema.optional(),
});
export type PolicyPathInput = z.input<typeof pathSchema>;

/** The most days a stated date may precede its recording and still count as that date. */
export const MAX_BACKDATE_GRACE_DAYS = 14;

export const timingSchema = z.object({
  /**
   * A record counts from when it was recorded, or from its stated date (held on, effective) only
   * when that is at most this many days earlier. Older stated dates show as "recorded N days later".
   * "A few days" has a ceiling: a policy that let any typed date count would let a record entered
   * today stand in for months of evidence that never happened (POLICIES.md "Time and order").
   */
  backdateGraceDays: z
    .number()
    .int()
    .min(0)
    .max(
      MAX_BACKDATE_GRACE_DAYS,
      `at most ${MAX_BACKDATE_GRACE_DAYS}: an older stated date counts from when it was recorded, never from the date typed`,
    )
    .default(7),
});

/**
 * How long a terminated employee's records are kept (docs/security.md, "Retention"). After the
 * period, `retention run` deletes their personal content and keeps hashes, ids and dates. When the
 * law sets a minimum, the preset marks it `statutory` and no override may shorten it.
 */
export const retentionSchema = z.object({
  yearsAfterTermination: z
    .number('use a whole number of years, such as 2')
    .int('use a whole number of years, such as 2')
    .min(1, 'keep records at least 1 year after termination'),
  statutory,
});
export type RetentionRule = z.infer<typeof retentionSchema>;

export const policySchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    name: localized,
    /** The policy text quoted in the dossier, as it was when the case opened. */
    summary: localized,
    /** Performance path (the gated one). */
    label: localized.optional(),
    evidence: z.record(z.string(), evidenceItemSchema),
    steps: z.array(stepSchema).min(1),
    blockersAtOpen: z.boolean().default(true),
    openedBy: z.array(z.enum(ACTOR_ROLES)).min(1).default(['manager', 'hr']),
    mutual: pathSchema,
    misconduct: pathSchema,
    blockers: z.array(blockerSchema),
    notice: noticeSchema,
    severance: severanceSchema,
    timing: timingSchema.default(timingSchema.parse({})),
    retention: retentionSchema.default({ yearsAfterTermination: 2 }),
    rights: z.array(localized),
    flags: z.array(localized).default([]),
  })
  .superRefine((p, ctx) => {
    // Every reference must name another item of the same path, or the engine could never satisfy it.
    const paths: [string[], Record<string, EvidenceItem>][] = [
      [['evidence'], p.evidence],
      [['mutual', 'evidence'], p.mutual.evidence],
      [['misconduct', 'evidence'], p.misconduct.evidence],
    ];
    for (const [at, items] of paths) {
      for (const [id, item] of Object.entries(items)) {
        const c = item.conditions;
        const refs: [string, string][] = [
          ...c.after.map((a): [string, string] => ['after', a]),
          ...(c.before ? [['before', c.before] as [string, string]] : []),
          ...(c.during ? [['during', c.during] as [string, string]] : []),
        ];
        for (const [field, ref] of refs) {
          if (!(ref in items) || ref === id) {
            ctx.addIssue({
              code: 'custom',
              path: [...at, id, 'conditions', field],
              message: `"${ref}" is not another evidence item of this policy`,
            });
          }
        }
      }
    }
    // A step waits for a date only an earlier step of the same path records.
    const stepLists: [string[], Step[]][] = [
      [['steps'], p.steps],
      [['mutual', 'steps'], p.mutual.steps],
      [['misconduct', 'steps'], p.misconduct.steps],
    ];
    for (const [at, steps] of stepLists) {
      steps.forEach((step, i) => {
        if (!step.notBeforeDateOf) return;
        const earlier = steps.slice(0, i).find((s) => s.id === step.notBeforeDateOf);
        if (!earlier || !['date', 'hearing', 'appeal'].includes(earlier.input))
          ctx.addIssue({
            code: 'custom',
            path: [...at, i, 'notBeforeDateOf'],
            message: `"${step.notBeforeDateOf}" is not an earlier step of this path that records a date`,
          });
      });
    }
  });
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

/** The evidence, steps and rules of one path, with the policy's defaults filled in. */
export interface PolicyPath {
  reason: ReasonKind;
  label: LocalizedText | undefined;
  basis: LocalizedText | undefined;
  evidence: Record<string, EvidenceItem>;
  steps: Step[];
  blockersAtOpen: boolean;
  openedBy: ActorRole[];
  notice: NoticeRule;
  severance: SeveranceRule;
}

/** The evidence and steps that apply to a case opened for `reason`. */
export function pathFor(policy: Policy, reason: ReasonKind): PolicyPath {
  if (reason === 'performance')
    return {
      reason,
      label: policy.label,
      basis: policy.name,
      evidence: policy.evidence,
      steps: policy.steps,
      blockersAtOpen: policy.blockersAtOpen,
      openedBy: policy.openedBy,
      notice: policy.notice,
      severance: policy.severance,
    };
  const p = reason === 'mutual' ? policy.mutual : policy.misconduct;
  return {
    reason,
    label: p.label,
    basis: p.basis ?? policy.name,
    evidence: p.evidence,
    steps: p.steps,
    blockersAtOpen: p.blockersAtOpen,
    openedBy: p.openedBy,
    notice: p.notice ?? policy.notice,
    severance: p.severance ?? policy.severance,
  };
}
