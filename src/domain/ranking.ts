/**
 * A relative ranking is never evidence (docs/policies/README.md; SPC Guiding Case No. 18). This
 * spots a reason text that cites only a ranking, so the bot can explain that before anyone relies
 * on it.
 */
/**
 * A forced-distribution grade ("考核C2", "绩效等级为D", "rated C"): a place in a curve, not a
 * measurement against the role. It contains 考核, so it is removed before looking for evidence words.
 */
const GRADE_PATTERNS: RegExp[] = [
  /(考核|绩效|评级|评定|等级|年终|季度)\s*(结果|等级)?\s*(为|是|:|：)?\s*[A-Ea-e][0-9]?(?![A-Za-z0-9])/g,
  /\b(rated|graded|rating|grade)\s*(of\s*|as\s*)?[A-E][0-9]?\b/gi,
];

const RANKING_PATTERNS: RegExp[] = [
  ...GRADE_PATTERNS.map((p) => new RegExp(p.source, p.flags.replace('g', ''))),
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
  if (!citesRanking(reason)) return false;
  const rest = GRADE_PATTERNS.reduce((text, p) => text.replace(p, ' '), reason);
  return !EVIDENCE_PATTERNS.some((p) => p.test(rest));
}
