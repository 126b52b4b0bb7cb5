/**
 * A relative ranking is never evidence (docs/policies/README.md; SPC Guiding Case No. 18). This
 * spots a reason text that cites only a ranking, so the bot can explain that before anyone relies
 * on it.
 */
const RANKING_PATTERNS: RegExp[] = [
  /\bbottom\s*\d{1,2}\s*(%|percent)/i,
  /\b(bottom|lowest|last)\s+(of|in)\s+(the\s+)?(team|group|department|ranking|stack)/i,
  /\blast\s+in\s+(the\s+)?(team|group|department|ranking)/i,
  /\b(stack|forced)[\s-]*rank(ing|ed)?/i,
  /\bforced\s+distribution/i,
  /\branked\s+(last|lowest|bottom)/i,
  /\b(ranking|rank)\b/i,
  /末位/,
  /排名/,
  /倒数/,
  /排序/,
  /强制分布/,
];

/** Words that show the reason also cites something measured against the role's requirements. */
const EVIDENCE_PATTERNS: RegExp[] = [
  /\bkpis?\b/i,
  /\btargets?\b/i,
  /\bmissed\b/i,
  /\breviews?\b/i,
  /\btraining\b/i,
  /\breassess/i,
  /\bwarning\b/i,
  /\bpip\b/i,
  /未达标/,
  /考核/,
  /培训/,
  /调岗/,
  /目标/,
  /警告/,
];

export function citesRanking(reason: string): boolean {
  return RANKING_PATTERNS.some((p) => p.test(reason));
}

/** True when the reason cites a ranking and nothing measured against the role. */
export function citesOnlyRanking(reason: string): boolean {
  return citesRanking(reason) && !EVIDENCE_PATTERNS.some((p) => p.test(reason));
}
