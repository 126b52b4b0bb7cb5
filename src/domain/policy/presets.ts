/**
 * The three shipped presets, as data (docs/policies/<id>.md). Numbers marked "default" there are
 * product defaults a company may override in its config; the law does not set them.
 */
import { policySchema, type Policy, type PolicyInput } from './schema.js';

const CONVERSATION = ['one_on_one', 'feedback'];
const WARNING = ['formal_warning'];

/** Art. 36 / 劝退: no evidence gate, but HR approves and the release is recorded with "no coercion". */
const mutualPath: PolicyInput['mutual'] = {
  evidence: {},
  blockersAtOpen: false,
  steps: [
    { id: 'hr_approves', who: ['hr'], requiresEvidence: false },
    { id: 'release_signed', who: ['hr'], input: 'release', requiresEvidence: false },
    { id: 'close', who: ['hr'], requiresEvidence: false },
  ],
};

/** Misconduct: a minimal gate, at least one formal warning on record; then a documented meeting. */
const misconductPath: PolicyInput['misconduct'] = {
  evidence: {
    warning: { kind: 'warning', count: 1, windowDays: 365, conditions: { noteKinds: WARNING } },
  },
  blockersAtOpen: false,
  steps: [
    { id: 'hr_approves', who: ['hr'] },
    { id: 'meeting_held', who: ['manager', 'hr'], mode: 'all' },
    { id: 'notice_issued', who: ['hr'], input: 'notice' },
    { id: 'close', who: ['hr'] },
  ],
};

const cnArt40: PolicyInput = {
  id: 'cn-art40',
  version: '2026.1',
  name: { en: 'China, Labor Contract Law Art. 40(2)', zh: '中国《劳动合同法》第四十条第(二)项' },
  summary: {
    en: "Grounds: the employee cannot do the job, and after training or a job adjustment still cannot. The employer bears the burden of proof. Evidence: written, quantified KPIs acknowledged by the employee; at least 2 below-target reviews within 180 days, each delivered and acknowledged, disputed or refused; at least 2 documented conversations about the gap; a remedy (training with attendance, or a job adjustment for incompetence) after the first failing review; a reassessment after the remedy against the same KPIs that still fails. Steps: manager confirms, HR review, Art. 42 check, union notified (Art. 43), meeting with manager and HR present, written notice (30 days or one month's wage in lieu). Severance N (Art. 46–47); unlawful termination 2N (Art. 48, 87). A ranking is never evidence (SPC Guiding Case No. 18).",
    zh: '理由:劳动者不能胜任工作,经过培训或者调整工作岗位,仍不能胜任工作。用人单位承担举证责任。证据:员工已确认的书面量化KPI;180天内至少2次未达标考核;至少2次关于差距的书面沟通;首次未达标后的培训(含签到)或以不胜任为由的调岗;之后对照同一KPI的再次考核仍未达标。步骤:经理确认、HR审核、第四十二条检查、通知工会(第四十三条)、经理与HR共同面谈、书面通知(提前30日或额外支付一个月工资)。经济补偿N(第四十六、四十七条);违法解除2N(第四十八、八十七条)。排名不是证据(最高法指导案例18号)。',
  },
  evidence: {
    kpi_defined: { kind: 'kpi_defined', count: 1, windowDays: 3650 },
    kpi_acknowledged: { kind: 'kpi_acknowledged', count: 1, windowDays: 3650, conditions: { acknowledged: true } },
    below_target_review: { kind: 'below_target_review', count: 2, windowDays: 180, conditions: { acknowledged: true } },
    conversation: {
      kind: 'conversation',
      count: 2,
      windowDays: 180,
      conditions: { acknowledged: true, noteKinds: CONVERSATION },
    },
    remedy: { kind: 'remedy', count: 1, windowDays: 180, conditions: { after: 'below_target_review' } },
    reassessment_failed: {
      kind: 'reassessment_failed',
      count: 1,
      windowDays: 90,
      conditions: { after: 'remedy', sameKpis: true },
    },
  },
  steps: [
    { id: 'manager_confirms', who: ['manager'] },
    { id: 'hr_approves', who: ['hr'] },
    { id: 'art42_check', who: ['hr'], checksBlockers: true },
    { id: 'union_notified', who: ['hr'], input: 'date' },
    { id: 'meeting_held', who: ['manager', 'hr'], mode: 'all' },
    { id: 'notice_issued', who: ['hr'], input: 'notice', checksBlockers: true },
    { id: 'close', who: ['hr'] },
  ],
  mutual: mutualPath,
  misconduct: misconductPath,
  blockers: [
    {
      id: 'occupational_disease',
      statuses: [
        'occupational_exposure_unexamined',
        'occupational_disease_diagnosis',
        'occupational_disease',
        'work_injury',
      ],
    },
    { id: 'medical_treatment', statuses: ['medical_treatment'] },
    { id: 'pregnancy_maternity_nursing', statuses: ['pregnancy', 'maternity', 'nursing'] },
    { id: 'near_retirement', statuses: ['near_retirement'] },
  ],
  notice: { kind: 'fixed_days', days: 30, payInLieu: true },
  severance: { kind: 'cn_n', capMultiple: 3, capYears: 12, unlawfulMultiple: 2 },
  rights: [
    {
      en: 'Severance N (Art. 46–47); N+1 if paid in lieu of notice.',
      zh: '经济补偿N(第四十六、四十七条);以代通知金替代提前通知时为N+1。',
    },
    {
      en: 'A termination certificate, and file and social insurance transferred within 15 days (Art. 50).',
      zh: '出具解除劳动合同证明,并在15日内办理档案和社会保险关系转移(第五十条)。',
    },
    {
      en: 'The union is notified of the reason before termination (Art. 43).',
      zh: '解除前将理由通知工会(第四十三条)。',
    },
  ],
  flags: [{ en: 'Keep the records for at least 2 years (Art. 50).', zh: '相关文本至少保存二年备查(第五十条)。' }],
};

const usPip: PolicyInput = {
  id: 'us-pip',
  version: '2026.1',
  name: { en: 'United States, documented PIP', zh: '美国:书面绩效改进计划' },
  summary: {
    en: "At-will employment (except Montana after probation). Documentation defeats a pretext claim (McDonnell Douglas v. Green, 1973); departing from your own written policy is itself evidence of pretext. Evidence: written expectations; at least 2 below-target reviews in 90 days; at least 1 coaching note; a 30/60/90-day PIP with measurable goals and the employee's signature of receipt (not agreement) with a rebuttal; a documented PIP failure against those goals. Steps: manager confirms, HR review (consistency with peers), protected-activity check, legal review, meeting with two company attendees, written termination notice. No federal notice or severance; OWBPA 21/45 days to consider and 7 to revoke a release for employees 40+.",
    zh: '随意雇佣(蒙大拿州试用期后除外)。书面记录可驳斥"借口"主张。证据:书面期望;90天内至少2次未达标考核;至少1次辅导记录;30/60/90天绩效改进计划及员工签收;对照计划目标的失败记录。步骤:经理确认、HR审核、受保护活动检查、法务审核、两名公司人员参加的面谈、书面解雇通知。联邦法无通知期或遣散费;40岁以上员工签署放弃声明享有21/45天考虑期与7天撤回期(OWBPA)。',
  },
  evidence: {
    kpi_defined: { kind: 'kpi_defined', count: 1, windowDays: 3650 },
    below_target_review: { kind: 'below_target_review', count: 2, windowDays: 90 },
    conversation: { kind: 'conversation', count: 1, windowDays: 180, conditions: { noteKinds: CONVERSATION } },
    pip: {
      kind: 'pip',
      count: 1,
      windowDays: 180,
      conditions: { acknowledged: true, noteKinds: ['pip_kickoff'], after: 'below_target_review' },
    },
    pip_failed: { kind: 'pip_failed', count: 1, windowDays: 180, conditions: { after: 'pip', minDaysAfter: 30 } },
  },
  steps: [
    { id: 'manager_confirms', who: ['manager'] },
    { id: 'hr_approves', who: ['hr'] },
    { id: 'protected_activity_check', who: ['hr'], checksBlockers: true },
    { id: 'legal_review', who: ['hr'] },
    { id: 'meeting_held', who: ['manager', 'hr'], mode: 'all' },
    { id: 'notice_issued', who: ['hr'], input: 'notice', checksBlockers: true },
    { id: 'close', who: ['hr'] },
  ],
  mutual: mutualPath,
  misconduct: misconductPath,
  blockers: [
    { id: 'protected_leave', statuses: ['protected_leave', 'accommodation_request'], recentDays: 180 },
    { id: 'retaliation_risk', statuses: ['complaint', 'whistleblowing'], recentDays: 365 },
    { id: 'pregnancy', statuses: ['pregnancy'] },
  ],
  notice: { kind: 'none' },
  severance: { kind: 'none', owbpa: { considerDays: 21, groupConsiderDays: 45, revokeDays: 7 } },
  rights: [
    {
      en: 'A severance release offered to an employee aged 40+: 21 days to consider (45 for a group), 7 days to revoke (OWBPA).',
      zh: '向40岁及以上员工提供附放弃声明的遣散:21天考虑期(集体为45天),7天撤回期(OWBPA)。',
    },
    {
      en: "The employee's PIP signature is receipt, not agreement; the rebuttal is kept verbatim.",
      zh: '员工在改进计划上的签字仅表示收到,不表示同意;反驳意见原文保留。',
    },
  ],
  flags: [{ en: 'Montana: at-will does not apply after probation.', zh: '蒙大拿州:试用期后不适用随意雇佣。' }],
};

const ukCapability: PolicyInput = {
  id: 'uk-capability',
  version: '2026.1',
  name: { en: 'United Kingdom, capability procedure (Acas Code)', zh: '英国:能力程序(Acas准则)' },
  summary: {
    en: 'Standards communicated; informal stage (at least 1 meeting, notes shared); first written warning or improvement note with targets and a timescale (review period 90 days); final written warning stating the risk of dismissal; a final review that fails; dismissal hearing; written outcome; appeal to a manager not involved before. At every formal hearing: an invitation with the evidence, the right to be accompanied (one postponement of up to 5 working days), and a written outcome with the right of appeal. Notice: the longer of the contract and ERA s.86. No statutory severance for capability.',
    zh: '传达标准;非正式阶段(至少1次面谈并共享记录);附目标和期限的第一次书面警告(考核期90天);说明解雇风险的最终书面警告;最终考核仍未达标;解雇听证;书面结果;向未参与的经理申诉。每次正式听证:附证据的邀请、陪同权(可推迟一次,不超过5个工作日)、附申诉权的书面结果。通知期:合同与ERA第86条中较长者。能力原因解雇无法定遣散费。',
  },
  evidence: {
    kpi_defined: { kind: 'kpi_defined', count: 1, windowDays: 3650 },
    kpi_acknowledged: { kind: 'kpi_acknowledged', count: 1, windowDays: 3650, conditions: { acknowledged: true } },
    conversation: {
      kind: 'conversation',
      count: 1,
      windowDays: 365,
      conditions: { acknowledged: true, noteKinds: CONVERSATION },
    },
    warning: {
      kind: 'warning',
      count: 2,
      windowDays: 365,
      conditions: { acknowledged: true, noteKinds: WARNING, after: 'conversation' },
    },
    reassessment_failed: {
      kind: 'reassessment_failed',
      count: 1,
      windowDays: 90,
      conditions: { after: 'warning' },
      label: { en: 'Final review after the final warning, still failing', zh: '最终书面警告后的最终考核仍未达标' },
    },
  },
  steps: [
    { id: 'manager_confirms', who: ['manager'] },
    { id: 'hr_approves', who: ['hr'] },
    { id: 'blockers_check', who: ['hr'], checksBlockers: true },
    { id: 'hearing_invited', who: ['hr'], input: 'date' },
    { id: 'meeting_held', who: ['manager', 'hr'], mode: 'all' },
    { id: 'notice_issued', who: ['hr'], input: 'notice', checksBlockers: true },
    { id: 'close', who: ['hr'] },
  ],
  mutual: mutualPath,
  misconduct: misconductPath,
  blockers: [
    { id: 'disability_adjustments', statuses: ['disability_no_adjustment_review'] },
    { id: 'pregnancy_maternity', statuses: ['pregnancy', 'maternity'] },
    { id: 'whistleblowing', statuses: ['whistleblowing'], recentDays: 365 },
    { id: 'procedural', statuses: ['expired_warning', 'companion_request_ignored'] },
  ],
  notice: { kind: 'uk_s86', contractWeeks: 0 },
  severance: { kind: 'none' },
  rights: [
    {
      en: 'The right to be accompanied at every formal hearing; one postponement of up to 5 working days.',
      zh: '每次正式听证均有权由同事或工会代表陪同;可推迟一次,不超过5个工作日。',
    },
    {
      en: 'A written outcome with the right of appeal to a manager not involved before.',
      zh: '书面结果,并有权向此前未参与的经理申诉。',
    },
  ],
  flags: [
    {
      en: 'Unfair-dismissal qualifying service: 2 years; 6 months for terminations on or after 2027-01-01. Discrimination claims need none.',
      zh: '不公平解雇的资格服务期为2年;2027-01-01起解雇为6个月。歧视索赔无资格期要求。',
    },
  ],
};

export const PRESET_IDS = ['cn-art40', 'us-pip', 'uk-capability'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const RAW: Record<PresetId, PolicyInput> = { 'cn-art40': cnArt40, 'us-pip': usPip, 'uk-capability': ukCapability };

/** The raw (pre-default) data, so overrides merge into what the company would have written. */
export const presetInput = (id: PresetId): PolicyInput => structuredClone(RAW[id]);

export const preset = (id: PresetId): Policy => policySchema.parse(presetInput(id));
