/**
 * United States, a documented performance improvement plan (PIP). Employment is at will; the
 * record is what defeats a pretext claim. Protected-status blockers apply on every path: retaliation
 * law does not care about the stated reason. See docs/policies/us-pip.md.
 */
import type { PolicyInput } from '../schema.js';
import { CONVERSATION, INCIDENT_EVIDENCE, agreedExit } from './shared.js';

const OWBPA = { considerDays: 21, groupConsiderDays: 45, revokeDays: 7 };

export const usPip: PolicyInput = {
  id: 'us-pip',
  version: '2026.3',
  name: { en: 'United States, documented PIP', zh: '美国：书面绩效改进计划' },
  label: { en: 'Performance (documented PIP)', zh: '绩效（书面绩效改进计划）' },
  summary: {
    en: "At-will employment (except Montana after probation). Documentation defeats a pretext claim (McDonnell Douglas v. Green, 1973); departing from your own written policy is itself evidence of pretext. Evidence: written expectations; at least 2 below-target reviews within 90 days of each other, recorded after the expectations were written; at least 1 coaching note before the PIP; a PIP that states its length (30, 60 or 90 days) with measurable goals and the employee's signature of receipt (not agreement) with a rebuttal; check-ins at most 2 weeks apart for the whole PIP, each a note the employee received; a documented failure against the PIP's goals no earlier than the PIP's stated end. Steps: manager confirms, HR review (consistency with peers), protected-activity check, legal review, meeting with two different company attendees, written termination notice. No federal notice or severance; OWBPA 21/45 days to consider and 7 to revoke a release for employees 40+.",
    zh: '随意雇佣（蒙大拿州试用期后除外）。书面记录可驳斥“借口”主张（McDonnell Douglas v. Green，1973年）；偏离公司自己的书面政策本身即是借口的证据。证据：书面期望；书面期望确定之后、彼此相隔不超过90天的至少2次未达标考核；改进计划之前至少1次辅导记录；写明期限（30、60或90天）并附可衡量目标的改进计划，员工签收（仅表示收到，不表示同意）并可附反驳意见；计划期间至少每两周一次跟进，每次均有员工签收的记录；不早于计划所述结束日、对照计划目标的未达成记录。步骤：经理确认、HR审核（与同级人员一致）、受保护活动检查、法务审核、两名不同公司人员参加的面谈、书面解雇通知。联邦法律不要求通知期或遣散费；向40岁及以上员工提供附放弃声明的遣散时，有21天（集体为45天）考虑期与7天撤回期（OWBPA）。',
  },
  evidence: {
    kpi_defined: { kind: 'kpi_defined', count: 1, windowDays: 3650 },
    below_target_review: {
      kind: 'below_target_review',
      count: 2,
      windowDays: 365,
      // Measured against expectations written before the review: targets set in advance (issue 10, item 6).
      conditions: { spanDays: 90, after: 'kpi_defined' },
    },
    conversation: {
      kind: 'conversation',
      count: 1,
      windowDays: 365,
      conditions: { noteKinds: CONVERSATION },
      label: { en: 'Coaching about the gap, before the PIP', zh: '改进计划前关于差距的辅导' },
    },
    pip: {
      kind: 'pip',
      count: 1,
      windowDays: 365,
      conditions: {
        acknowledged: true,
        noteKinds: ['pip_kickoff'],
        after: ['below_target_review', 'conversation'],
        lengths: [30, 60, 90],
      },
    },
    pip_check_ins: {
      kind: 'pip_check_ins',
      count: 1,
      windowDays: 365,
      conditions: { acknowledged: true, noteKinds: ['pip_check_in'], during: 'pip', everyDays: 14 },
    },
    pip_failed: { kind: 'pip_failed', count: 1, windowDays: 180, conditions: { after: 'pip', sameKpis: true } },
  },
  steps: [
    { id: 'manager_confirms', who: ['manager'] },
    { id: 'hr_approves', who: ['hr'], independent: 'not_manager' },
    { id: 'protected_activity_check', who: ['hr'], checksBlockers: true, statutory: 'Title VII §704(a); FMLA; PDA' },
    { id: 'legal_review', who: ['hr'] },
    { id: 'meeting_held', who: ['manager', 'hr'], mode: 'all' },
    { id: 'notice_issued', who: ['hr'], input: 'notice', checksBlockers: true },
    { id: 'close', who: ['hr'], checksBlockers: true },
  ],
  mutual: agreedExit(
    {
      label: { en: 'Separation agreement', zh: '协商离职协议' },
      basis: { en: 'United States, separation agreement and release', zh: '美国：离职协议与放弃声明' },
      severance: { kind: 'none', owbpa: OWBPA },
    },
    'OWBPA, 29 U.S.C. §626(f)',
  ),
  misconduct: {
    label: { en: 'Misconduct', zh: '违纪' },
    basis: { en: 'United States, at-will termination for misconduct', zh: '美国：因违纪终止随意雇佣' },
    // Retaliation law does not care about the stated reason: protected statuses block this path too.
    blockersAtOpen: true,
    openedBy: ['hr'],
    notice: { kind: 'none' },
    evidence: INCIDENT_EVIDENCE,
    steps: [
      { id: 'hr_approves', who: ['hr'], independent: 'not_manager' },
      { id: 'protected_activity_check', who: ['hr'], checksBlockers: true, statutory: 'Title VII §704(a); FMLA; PDA' },
      { id: 'meeting_held', who: ['manager', 'hr'], mode: 'all' },
      { id: 'notice_issued', who: ['hr'], input: 'notice', checksBlockers: true },
      { id: 'close', who: ['hr'], checksBlockers: true },
    ],
  },
  blockers: [
    {
      id: 'protected_leave',
      statuses: ['protected_leave', 'accommodation_request'],
      recentDays: 180,
      statutory: 'FMLA 29 U.S.C. §2615; ADA 42 U.S.C. §12203',
    },
    {
      id: 'retaliation_risk',
      statuses: ['complaint', 'whistleblowing'],
      recentDays: 365,
      statutory: 'Title VII 42 U.S.C. §2000e-3(a); SOX 18 U.S.C. §1514A',
    },
    { id: 'pregnancy', statuses: ['pregnancy'], statutory: 'PDA; PWFA 42 U.S.C. §2000gg' },
  ],
  notice: { kind: 'none' },
  severance: { kind: 'none', owbpa: OWBPA },
  rights: [
    {
      en: 'A severance release offered to an employee aged 40+: 21 days to consider (45 for a group), 7 days to revoke (OWBPA).',
      zh: '向40岁及以上员工提供附放弃声明的遣散：21天考虑期（集体为45天），7天撤回期（OWBPA）。',
    },
    {
      en: "The employee's PIP signature is receipt, not agreement; the rebuttal is kept verbatim.",
      zh: '员工在改进计划上的签字仅表示收到，不表示同意；反驳意见原文保留。',
    },
  ],
  flags: [{ en: 'Montana: at-will does not apply after probation.', zh: '蒙大拿州：试用期后不适用随意雇佣。' }],
  // A terminated employee's personnel records: 1 year from termination (longer while a charge is pending).
  retention: { yearsAfterTermination: 1, statutory: '29 CFR 1602.14 and 1627.3(b)(1): 1 year from termination' },
};
