/**
 * China, Labor Contract Law (劳动合同法, LCL). The performance path is Art. 40(2) (不能胜任工作);
 * misconduct is Art. 39(2) (严重违反用人单位的规章制度); an agreed exit is Art. 36. See
 * docs/policies/cn-art40.md for the reasons and sources of each element.
 */
import type { PolicyInput } from '../schema.js';
import { CONVERSATION, INCIDENT_EVIDENCE, agreedExit } from './shared.js';

const ART_40_2 = 'LCL Art. 40(2)';
const UNION = 'LCL Art. 43; 法释〔2020〕26号 Art. 47';

export const cnArt40: PolicyInput = {
  id: 'cn-art40',
  version: '2026.3',
  name: { en: 'China, Labor Contract Law Art. 40(2)', zh: '中国《劳动合同法》第四十条第（二）项' },
  label: { en: 'Incompetence (Art. 40(2))', zh: '不能胜任工作（第四十条第（二）项）' },
  summary: {
    en: "Grounds: the employee cannot do the job, and after training or a job adjustment still cannot. The employer bears the burden of proof. Evidence: written, quantified KPIs the employee acknowledged before the reviews' periods began; at least 2 below-target reviews within 180 days, each delivered and acknowledged, disputed or refused; at least 2 documented conversations about the gap; after the first failing review, a remedy: training that targets the missed KPIs with at least 80% attendance and ended before it counts, or a job adjustment made because of the gap, effective and answered by the employee; at least 60 days after the remedy ended, a reassessment against the same KPIs (or the new job's) that still fails. A record counts from when it was recorded, or from its stated date if at most 7 days earlier. Steps: manager confirms, HR review, Art. 42 check, union notified (Art. 43), meeting with manager and HR present (two different people), written notice (30 days, or one month's wage in lieu: the previous month's wage). Severance N (Art. 46–47); unlawful termination 2N (Art. 48, 87). A ranking is never evidence (SPC Guiding Case No. 18).",
    zh: '理由：劳动者不能胜任工作，经过培训或者调整工作岗位，仍不能胜任工作。用人单位承担举证责任。证据：员工在考核期开始前已确认的书面量化KPI；180天内至少2次未达标考核，每次均已送达并经员工确认、提出异议或见证拒签；至少2次关于差距的书面沟通；首次未达标后的补救措施：针对未达标KPI、出勤率不低于80%且已结束的培训，或因不能胜任而调整工作岗位（已生效并经员工回应）；补救结束至少60天后对照同一KPI（或新岗位KPI）的再次考核仍未达标。记录自录入时起算；所述日期不早于录入前7天的，自所述日期起算。步骤：经理确认、HR审核、第四十二条检查、通知工会（第四十三条）、经理与HR两人共同面谈、书面通知（提前30日，或额外支付上月工资作为代通知金）。经济补偿N（第四十六、四十七条）；违法解除劳动合同赔偿金2N（第四十八、八十七条）。排名不是证据（最高人民法院指导案例18号）。',
  },
  evidence: {
    kpi_defined: { kind: 'kpi_defined', count: 1, windowDays: 3650, statutory: ART_40_2 },
    kpi_acknowledged: {
      kind: 'kpi_acknowledged',
      count: 1,
      windowDays: 3650,
      conditions: { acknowledged: true },
      statutory: ART_40_2,
    },
    below_target_review: {
      kind: 'below_target_review',
      count: 2,
      windowDays: 180,
      conditions: { acknowledged: true, kpisKnownFirst: true, spanDays: 180 },
      statutory: ART_40_2,
    },
    conversation: {
      kind: 'conversation',
      count: 2,
      windowDays: 180,
      conditions: { acknowledged: true, noteKinds: CONVERSATION },
    },
    remedy: {
      kind: 'remedy',
      count: 1,
      windowDays: 180,
      conditions: {
        after: 'below_target_review',
        targetsMissedKpis: true,
        minAttendance: 0.8,
        performanceReason: true,
      },
      statutory: ART_40_2,
    },
    reassessment_failed: {
      kind: 'reassessment_failed',
      count: 1,
      windowDays: 180,
      conditions: {
        after: 'remedy',
        minDaysAfter: 60,
        sameKpis: true,
        kpisKnownFirst: true,
        reviewKinds: ['reassessment', 'regular'],
      },
      statutory: ART_40_2,
    },
  },
  steps: [
    { id: 'manager_confirms', who: ['manager'] },
    { id: 'hr_approves', who: ['hr'], independent: 'not_manager' },
    { id: 'art42_check', who: ['hr'], checksBlockers: true, statutory: 'LCL Art. 42' },
    { id: 'union_notified', who: ['hr'], input: 'date', statutory: UNION },
    { id: 'meeting_held', who: ['manager', 'hr'], mode: 'all' },
    { id: 'notice_issued', who: ['hr'], input: 'notice', checksBlockers: true, statutory: 'LCL Art. 40, 42' },
    { id: 'close', who: ['hr'], checksBlockers: true, statutory: 'LCL Art. 42' },
  ],
  mutual: agreedExit(
    {
      label: { en: 'Mutual agreement (Art. 36)', zh: '协商一致解除（第三十六条）' },
      basis: { en: 'China, Labor Contract Law Art. 36', zh: '中国《劳动合同法》第三十六条' },
      severance: { kind: 'cn_n', onlyIfEmployerProposed: true, showUnlawfulRisk: false },
    },
    'LCL Art. 36, 46(2)',
  ),
  misconduct: {
    label: { en: 'Serious breach of company rules (Art. 39)', zh: '严重违纪（第三十九条）' },
    basis: { en: 'China, Labor Contract Law Art. 39(2)', zh: '中国《劳动合同法》第三十九条第（二）项' },
    // Art. 42 restricts dismissals under Art. 40 and 41 only; it does not restrict Art. 39.
    blockersAtOpen: false,
    openedBy: ['hr'],
    notice: { kind: 'none' },
    severance: { kind: 'none' },
    evidence: {
      incident: { ...INCIDENT_EVIDENCE.incident!, statutory: 'LCL Art. 39(2)' },
      rule_acknowledged: {
        kind: 'rule_acknowledged',
        count: 1,
        windowDays: 3650,
        conditions: { before: 'incident', acknowledged: true },
        statutory: 'LCL Art. 4',
      },
      // The employer proves the grounds of a dismissal (法释〔2020〕26号 Art. 44): the employee's own
      // account of the incident, or their witnessed refusal to give one, is part of that proof.
      employee_response: {
        ...INCIDENT_EVIDENCE.employee_response!,
        statutory: 'LCL Art. 39(2); 法释〔2020〕26号 Art. 44',
      },
    },
    steps: [
      { id: 'hr_approves', who: ['hr'], independent: 'not_manager', statutory: 'LCL Art. 39' },
      { id: 'union_notified', who: ['hr'], input: 'date', statutory: UNION },
      { id: 'decision_issued', who: ['hr'], input: 'notice', statutory: 'LCL Art. 39' },
      { id: 'close', who: ['hr'] },
    ],
  },
  blockers: [
    {
      id: 'occupational_disease',
      statuses: [
        'occupational_exposure_unexamined',
        'occupational_disease_diagnosis',
        'occupational_disease',
        'work_injury',
      ],
      statutory: 'LCL Art. 42(1)(2)',
    },
    { id: 'medical_treatment', statuses: ['medical_treatment'], statutory: 'LCL Art. 42(3)' },
    {
      id: 'pregnancy_maternity_nursing',
      statuses: ['pregnancy', 'maternity', 'nursing'],
      statutory: 'LCL Art. 42(4)',
    },
    {
      id: 'near_retirement',
      statuses: ['near_retirement'],
      derive: { kind: 'cn_service_and_retirement', minServiceYears: 15, withinYears: 5 },
      statutory: 'LCL Art. 42(5)',
    },
    { id: 'other_statutory', statuses: ['other_statutory_protection'], statutory: 'LCL Art. 42(6)' },
  ],
  notice: { kind: 'fixed_days', days: 30, payInLieu: true },
  severance: { kind: 'cn_n', capMultiple: 3, capYears: 12, unlawfulMultiple: 2 },
  rights: [
    {
      en: 'Severance N (Art. 46–47); N+1 if paid in lieu of notice. None after a dismissal under Art. 39.',
      zh: '经济补偿N（第四十六、四十七条）；以代通知金替代提前通知时为N+1。依第三十九条解除的，不支付经济补偿。',
    },
    {
      en: 'A termination certificate, and file and social insurance transferred within 15 days (Art. 50).',
      zh: '出具解除劳动合同的证明，并在十五日内为劳动者办理档案和社会保险关系转移手续（第五十条）。',
    },
    {
      en: 'The union is notified of the reason before termination (Art. 43).',
      zh: '解除劳动合同前将理由通知工会（第四十三条）。',
    },
  ],
  flags: [{ en: 'Keep the records for at least 2 years (Art. 50).', zh: '相关文本至少保存二年备查（第五十条）。' }],
  retention: { yearsAfterTermination: 2, statutory: 'Labor Contract Law Art. 50: kept at least 2 years' },
};
