/**
 * Kinds of leave, and which of them the absence signal may never count. Leave the law protects
 * (sick leave and the medical treatment period 医疗期, pregnancy, maternity and paternity, nursing,
 * work injury) is excluded here, in code, not in config: China's Labor Contract Law Art. 42, the US
 * FMLA and ADA, and the UK Equality Act all forbid treating it as a performance signal.
 *
 * A leave imported without a kind is `unspecified`, which does not count either: it could be any of
 * the protected kinds. And whatever its kind says, a leave whose free-text reason mentions a
 * protected ground (`mentionsProtectedGround`) does not count: a mislabelled maternity leave must
 * never reach a manager as "absence above the team average".
 */
export const LEAVE_KINDS = [
  'annual',
  'personal',
  'sick',
  'medical',
  'maternity',
  'paternity',
  'nursing',
  'work_injury',
  'marriage',
  'bereavement',
  'other',
  'unspecified',
] as const;

export type LeaveKind = (typeof LEAVE_KINDS)[number];

export const PROTECTED_LEAVE_KINDS: ReadonlySet<LeaveKind> = new Set<LeaveKind>([
  'sick',
  'medical',
  'maternity',
  'paternity',
  'nursing',
  'work_injury',
]);

/** What an import file may say for a kind: the ids, plus the words HR systems in China export. */
const KIND_ALIASES: Record<string, LeaveKind> = {
  年假: 'annual',
  年休假: 'annual',
  事假: 'personal',
  病假: 'sick',
  医疗期: 'medical',
  产假: 'maternity',
  产检假: 'maternity',
  陪产假: 'paternity',
  哺乳假: 'nursing',
  育儿假: 'nursing',
  工伤假: 'work_injury',
  工伤: 'work_injury',
  婚假: 'marriage',
  丧假: 'bereavement',
  其他: 'other',
};

/** A leave kind from an import cell; empty is `unspecified`, anything unknown is null (an error). */
export function parseLeaveKind(raw: string | undefined): LeaveKind | null {
  const s = (raw ?? '').trim();
  if (!s) return 'unspecified';
  const id = s.toLowerCase().replace(/[\s-]+/g, '_');
  if ((LEAVE_KINDS as readonly string[]).includes(id)) return id as LeaveKind;
  return KIND_ALIASES[s] ?? null;
}

const PROTECTED_WORDS =
  /\b(sick|ill|illness|medical|hospital\w*|doctor|surgery|maternity|paternity|pregnan\w*|prenatal|antenatal|birth|nursing|breast\w*|injur\w*|disab\w*)\b|病|医|孕|产|哺乳|育儿|工伤|伤/i;

export const mentionsProtectedGround = (reason: string): boolean => PROTECTED_WORDS.test(reason);

/** True when this leave may count towards the absence signal under `countedKinds`. */
export function countsAsAbsence(leave: { kind: LeaveKind; reason: string }, countedKinds: readonly LeaveKind[]) {
  if (PROTECTED_LEAVE_KINDS.has(leave.kind) || leave.kind === 'unspecified') return false;
  if (!countedKinds.includes(leave.kind)) return false;
  return !mentionsProtectedGround(leave.reason);
}
