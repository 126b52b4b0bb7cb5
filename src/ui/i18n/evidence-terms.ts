/** Strings of notes that state terms: a PIP's length, a warning's review period, a hearing invitation. */
export const en = {
  'ev.terms.pipDays': 'Length of the improvement plan',
  'ev.terms.days': '{days} days',
  'ev.terms.pipDaysRequired': 'Choose the plan’s length: 30, 60 or 90 days.',
  'ev.terms.reviewPeriod': 'Review period',
  'ev.terms.reviewPeriodRequired': 'Give the review period in days (for example 90).',
  'ev.terms.dismissalRisk': 'The warning states that dismissal may follow if there is no improvement',
  'ev.terms.dismissalRiskText':
    'This is a final written warning: if the required improvement is not made within the review period, you may be dismissed.',
  'ev.terms.stage': 'Hearing about',
  'ev.terms.hearingOn': 'Hearing date',
  'ev.terms.accompanied': 'The invitation states the right to be accompanied',
  'ev.terms.accompaniedText':
    'You have the right to be accompanied at this hearing by a colleague or a trade union representative. If they cannot come, you may ask once to postpone by up to 5 working days.',
  'ev.terms.otherKinds':
    'For an improvement plan, a warning stage or a hearing invitation, add a word after the name: `/note @name pip`, `improvement`, `warning`, `final`, `hearing`.',
  'ev.terms.basis': 'Why is the job being changed?',
  'ev.terms.basis.performance': 'Because of the performance gap (the missed KPIs above)',
  'ev.terms.basis.restructuring': 'Restructuring (the department or post changed or was dissolved)',
  'ev.terms.basis.other': 'Another reason',
  'ev.terms.basisNeedsKpis': 'Choose the missed KPIs this change answers.',
  'ev.terms.notEnded': 'The last session ends at {when}; mark the training completed after that.',
  'ev.terms.notStarted': 'This session starts at {when}; attendance can be marked once it has started.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'ev.terms.pipDays': '绩效改进计划期限',
  'ev.terms.days': '{days}天',
  'ev.terms.pipDaysRequired': '请选择计划期限：30、60或90天。',
  'ev.terms.reviewPeriod': '考核期',
  'ev.terms.reviewPeriodRequired': '请填写考核期天数（例如90）。',
  'ev.terms.dismissalRisk': '警告中写明如无改善可能被解雇',
  'ev.terms.dismissalRiskText': '这是最终书面警告：如在考核期内未达到要求的改进，你可能会被解雇。',
  'ev.terms.stage': '听证事项',
  'ev.terms.hearingOn': '听证日期',
  'ev.terms.accompanied': '邀请中写明了陪同权',
  'ev.terms.accompaniedText':
    '你有权由一名同事或工会代表陪同参加本次听证。如陪同人无法到场，你可以申请推迟一次，最长5个工作日。',
  'ev.terms.otherKinds':
    '如需记录绩效改进计划、警告阶段或听证邀请，请在姓名后加一个词：`/note @姓名 改进计划`、`改进通知`、`警告`、`最终警告`、`听证`。',
  'ev.terms.basis': '调岗原因',
  'ev.terms.basis.performance': '因不能胜任（上面所选未达标的KPI）',
  'ev.terms.basis.restructuring': '组织调整（部门或岗位变化、撤销）',
  'ev.terms.basis.other': '其他原因',
  'ev.terms.basisNeedsKpis': '请选择此次调岗针对的未达标KPI。',
  'ev.terms.notEnded': '最后一次课程于{when}结束；请在此之后再标记培训完成。',
  'ev.terms.notStarted': '本次课程于{when}开始；课程开始后才能标记出勤。',
};
