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
  'pip_failed',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const localized = z.object({ en: z.string(), zh: z.string().optional() });
export type LocalizedText = z.infer<typeof localized>;

export const evidenceItemSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS, `use one of ${EVIDENCE_KINDS.join(', ')}`),
  /** How many qualifying records are needed. */
  count: z.number().int().min(1, 'count must be at least 1'),
  /** Records older than this many days (before "now") do not count. */
  windowDays: z.number().int().min(1, 'windowDays must be at least 1'),
  conditions: z
    .object({
      /** The employee responded (acknowledged or disputed; a witnessed refusal if refusalCounts). */
      acknowledged: z.boolean().default(false),
      /** Whether a witnessed refusal counts as a response. The policy decides; never silently. */
      refusalCounts: z.boolean().default(true),
      /** Only records dated after the earliest record counted by this other item. */
      after: z.string().optional(),
      /** ... and at least this many days after it (e.g. the length of a PIP). */
      minDaysAfter: z.number().int().min(0).default(0),
      /** Measured against the KPIs the remedy (training plan / new job) targeted. */
      sameKpis: z.boolean().default(false),
      /** For conversation/warning/pip: which note kinds count. */
      noteKinds: z.array(z.string()).optional(),
    })
    .default({ acknowledged: false, refusalCounts: true, minDaysAfter: 0, sameKpis: false }),
  label: localized.optional(),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const ACTOR_ROLES = ['manager', 'hr'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const stepSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/, 'step ids are lower_snake_case'),
  /** Who may perform the step. `manager` is the employee's own line manager, nobody else. */
  who: z.array(z.enum(ACTOR_ROLES)).min(1),
  /** `all`: every role in `who` must confirm (a meeting both attend); `any`: one of them. */
  mode: z.enum(['any', 'all']).default('any'),
  /** What the click records besides who and when. */
  input: z.enum(['none', 'date', 'notice', 'release']).default('none'),
  /** The evidence checklist must be complete before this step. */
  requiresEvidence: z.boolean().default(true),
  /** Protected statuses are checked again right before this step. */
  checksBlockers: z.boolean().default(false),
  label: localized.optional(),
});
export type Step = z.infer<typeof stepSchema>;

export const blockerSchema = z.object({
  id: z.string(),
  /** Protected-status kinds recorded by HR that trigger this blocker. */
  statuses: z.array(z.string()).min(1),
  /** For "recent" risks (a complaint, protected leave): still blocks this many days after it ended. */
  recentDays: z.number().int().min(0).default(0),
  label: localized.optional(),
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
  evidence: z.record(z.string(), evidenceItemSchema),
  steps: z.array(stepSchema).min(1),
  /** Check protected statuses when the case opens (Art. 42 does not restrict Art. 36/39 exits). */
  blockersAtOpen: z.boolean().default(true),
});
export type PolicyPath = z.infer<typeof pathSchema>;

export const policySchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    name: localized,
    /** The policy text quoted in the dossier, as it was when the case opened. */
    summary: localized,
    /** Performance path (the gated one). */
    evidence: z.record(z.string(), evidenceItemSchema),
    steps: z.array(stepSchema).min(1),
    blockersAtOpen: z.boolean().default(true),
    mutual: pathSchema,
    misconduct: pathSchema,
    blockers: z.array(blockerSchema),
    notice: noticeSchema,
    severance: severanceSchema,
    rights: z.array(localized),
    flags: z.array(localized).default([]),
  })
  .superRefine((p, ctx) => {
    // An `after` must name another item of the same path, or the engine could never satisfy it.
    const paths: [string[], Record<string, EvidenceItem>][] = [
      [['evidence'], p.evidence],
      [['mutual', 'evidence'], p.mutual.evidence],
      [['misconduct', 'evidence'], p.misconduct.evidence],
    ];
    for (const [at, items] of paths) {
      for (const [id, item] of Object.entries(items)) {
        const after = item.conditions.after;
        if (after && (!(after in items) || after === id)) {
          ctx.addIssue({
            code: 'custom',
            path: [...at, id, 'conditions', 'after'],
            message: `"${after}" is not another evidence item of this policy`,
          });
        }
      }
    }
  });
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

export type ReasonKind = 'performance' | 'mutual' | 'misconduct';

/** The evidence and steps that apply to a case opened for `reason`. */
export function pathFor(policy: Policy, reason: ReasonKind): PolicyPath {
  if (reason === 'mutual') return policy.mutual;
  if (reason === 'misconduct') return policy.misconduct;
  return { evidence: policy.evidence, steps: policy.steps, blockersAtOpen: policy.blockersAtOpen };
}
