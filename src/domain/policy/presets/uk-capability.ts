/**
 * United Kingdom, capability procedure under the Acas Code of Practice on Disciplinary and
 * Grievance Procedures (a tribunal takes it into account and may adjust an award by up to 25%).
 * See docs/policies/uk-capability.md.
 */
import type { PolicyInput } from '../schema.js';
import { CONVERSATION, INCIDENT_EVIDENCE, agreedExit } from './shared.js';

const ACAS = 'Acas Code of Practice on Disciplinary and Grievance Procedures';
const COMPANION = 'Employment Relations Act 1999 s.10';

const stage = (noteKind: string, after: string, extra: object = {}) => ({
  kind: 'warning' as const,
  count: 1,
  windowDays: 730,
  conditions: { acknowledged: true, noteKinds: [noteKind], after, hearing: true, reviewPeriodDays: 90, ...extra },
  statutory: `${ACAS} para 9–20; ${COMPANION}`,
});

export const ukCapability: PolicyInput = {
  id: 'uk-capability',
  version: '2026.4',
  name: { en: 'United Kingdom, capability procedure (Acas Code)', zh: '英国：能力程序（Acas准则）' },
  label: { en: 'Capability (Acas Code)', zh: '能力（Acas准则）' },
  summary: {
    en: "Standards communicated and acknowledged; informal stage (at least 1 meeting, notes shared); then three formal stages, each after a hearing whose invitation stated the right to be accompanied, and each after the previous stage's review period (90 days): an improvement note with targets and a timescale, a first written warning, and a final written warning stating the risk of dismissal; then a final review after the final warning's review period, against standards acknowledged before its period began, that still fails (no training plan needed). Steps: manager confirms, HR review, protected-status check, dismissal hearing invitation (right to be accompanied; one postponement of up to 5 working days), hearing held on or after the invited date with two different company attendees, written outcome with the right of appeal, appeal heard by someone not involved before, with its outcome recorded. Notice: the longer of the contract and ERA s.86. No statutory severance for capability.",
    zh: '传达标准并经员工确认；非正式阶段（至少1次面谈并共享记录）；随后三个正式阶段，每个阶段之前均须举行听证（邀请中写明由同事或工会代表陪同的权利），且须在上一阶段的考核期（90天）届满之后：附目标和期限的改进通知、第一次书面警告、写明可能解雇的最终书面警告；最终书面警告的考核期届满后的最终考核仍未达标（所考核的标准须在考核期开始前经员工确认；无需培训计划）。步骤：经理确认、HR审核、受保护状态检查、解雇听证邀请（陪同权；可推迟一次，不超过5个工作日）、于邀请所定日期当日或之后举行听证且两名不同公司人员出席、附申诉权的书面结果、由此前未参与的人员审理申诉并记录结果。通知期：合同与《1996年雇佣权利法》第86条中较长者。能力原因解雇无法定遣散费。',
  },
  evidence: {
    kpi_defined: { kind: 'kpi_defined', count: 1, windowDays: 3650 },
    kpi_acknowledged: { kind: 'kpi_acknowledged', count: 1, windowDays: 3650, conditions: { acknowledged: true } },
    conversation: {
      kind: 'conversation',
      count: 1,
      windowDays: 730,
      conditions: { acknowledged: true, noteKinds: CONVERSATION },
    },
    improvement_note: stage('improvement_note', 'conversation'),
    first_written_warning: stage('first_written_warning', 'improvement_note'),
    final_written_warning: stage('final_written_warning', 'first_written_warning', { statesDismissalRisk: true }),
    final_review: {
      kind: 'reassessment_failed',
      count: 1,
      windowDays: 180,
      conditions: {
        after: 'final_written_warning',
        sameKpis: true,
        // The standards it measures were acknowledged before its period began (issue 10, item 6).
        kpisKnownFirst: true,
        reviewKinds: ['regular', 'reassessment'],
      },
      label: {
        en: 'Final review after the final warning’s review period, still failing',
        zh: '最终书面警告考核期届满后的最终考核仍未达标',
      },
      statutory: `${ACAS} para 9`,
    },
  },
  steps: [
    { id: 'manager_confirms', who: ['manager'] },
    { id: 'hr_approves', who: ['hr'], independent: 'not_manager' },
    {
      id: 'blockers_check',
      who: ['hr'],
      checksBlockers: true,
      statutory: 'Equality Act 2010 s.18, 20; ERA 1996 s.99, 103A',
    },
    { id: 'hearing_invited', who: ['hr'], input: 'hearing', statutory: `${ACAS} para 11–12; ${COMPANION}` },
    {
      id: 'meeting_held',
      who: ['manager', 'hr'],
      mode: 'all',
      // The hearing is held on or after the day its invitation set.
      notBeforeDateOf: 'hearing_invited',
      statutory: `${ACAS} para 11–12`,
    },
    { id: 'notice_issued', who: ['hr'], input: 'notice', checksBlockers: true, statutory: 'ERA 1996 s.86' },
    {
      id: 'appeal',
      who: ['hr'],
      input: 'appeal',
      independent: 'not_involved',
      // The appeal is heard whatever the checklist says now: the decision it reviews is already made.
      requiresEvidence: false,
      statutory: `${ACAS} para 26–29`,
    },
    { id: 'close', who: ['hr'], checksBlockers: true },
  ],
  mutual: agreedExit(
    {
      label: { en: 'Settlement agreement', zh: '和解协议' },
      basis: {
        en: 'United Kingdom, settlement agreement (ERA 1996 s.203)',
        zh: '英国：和解协议（《1996年雇佣权利法》第203条）',
      },
      severance: { kind: 'none' },
    },
    'ERA 1996 s.203',
  ),
  misconduct: {
    label: { en: 'Misconduct (Acas Code)', zh: '违纪（Acas准则）' },
    basis: {
      en: 'United Kingdom, conduct dismissal (ERA 1996 s.98(2)(b))',
      zh: '英国：行为原因解雇（《1996年雇佣权利法》第98条第(2)(b)款）',
    },
    blockersAtOpen: true,
    openedBy: ['hr'],
    // Acas Code para 5 (investigate the facts) and 9–12 (the employee hears the case and answers it).
    evidence: {
      incident: { ...INCIDENT_EVIDENCE.incident!, statutory: `${ACAS} para 5` },
      employee_response: { ...INCIDENT_EVIDENCE.employee_response!, statutory: `${ACAS} para 9–12` },
    },
    steps: [
      { id: 'hr_approves', who: ['hr'], independent: 'not_manager' },
      {
        id: 'blockers_check',
        who: ['hr'],
        checksBlockers: true,
        statutory: 'Equality Act 2010 s.18, 20; ERA 1996 s.99, 103A',
      },
      { id: 'hearing_invited', who: ['hr'], input: 'hearing', statutory: `${ACAS} para 11–12; ${COMPANION}` },
      {
        id: 'meeting_held',
        who: ['manager', 'hr'],
        mode: 'all',
        // The hearing is held on or after the day its invitation set.
        notBeforeDateOf: 'hearing_invited',
        statutory: `${ACAS} para 11–12`,
      },
      { id: 'notice_issued', who: ['hr'], input: 'notice', checksBlockers: true },
      {
        id: 'appeal',
        who: ['hr'],
        input: 'appeal',
        independent: 'not_involved',
        requiresEvidence: false,
        statutory: `${ACAS} para 26–29`,
      },
      { id: 'close', who: ['hr'], checksBlockers: true },
    ],
  },
  blockers: [
    {
      id: 'disability_adjustments',
      statuses: ['disability_no_adjustment_review'],
      statutory: 'Equality Act 2010 s.20–21',
    },
    { id: 'pregnancy_maternity', statuses: ['pregnancy', 'maternity'], statutory: 'Equality Act 2010 s.18; ERA s.99' },
    { id: 'whistleblowing', statuses: ['whistleblowing'], recentDays: 365, statutory: 'ERA 1996 s.103A' },
    { id: 'procedural', statuses: ['expired_warning', 'companion_request_ignored'], statutory: COMPANION },
  ],
  notice: { kind: 'uk_s86', contractWeeks: 0 },
  severance: { kind: 'none' },
  rights: [
    {
      en: 'The right to be accompanied at every formal hearing; one postponement of up to 5 working days.',
      zh: '每次正式听证均有权由同事或工会代表陪同；可推迟一次，不超过5个工作日。',
    },
    {
      en: 'A written outcome with the right of appeal to a manager not involved before.',
      zh: '书面结果，并有权向此前未参与的经理申诉。',
    },
  ],
  flags: [
    {
      en: 'Unfair-dismissal qualifying service: 2 years; 6 months for terminations on or after 2027-01-01. Discrimination claims need none.',
      zh: '不公平解雇的资格服务期为2年；2027年1月1日及以后的解雇为6个月。歧视索赔无资格期要求。',
    },
  ],
  // No statute sets a minimum for performance records (UK GDPR: no longer than necessary); 6 years
  // covers claims in contract (Limitation Act 1980 s.5). A product default, not a floor.
  retention: { yearsAfterTermination: 6 },
};
