/** Strings of the form that records a case step: dates, the release, the hearing, the appeal. */
export const en = {
  'off.stepForm.proposedBy': 'Who proposed ending the contract?',
  'off.stepForm.previousMonthWage': 'Previous month’s wage (pay in lieu of notice)',
  'off.stepForm.previousMonthWageHint':
    'The wage of the month before termination, not the 12-month average (实施条例 Art. 20).',
  'off.stepForm.hearingDate': 'Hearing date',
  'off.stepForm.accompanied':
    'The invitation told {name} of the right to be accompanied by a colleague or union representative',
  'off.stepForm.appealOutcome': 'Appeal outcome',
  'off.stepForm.heardBy': 'Heard by',
  'off.stepForm.heardByHint': 'Someone not involved in the case before. Leave empty if no appeal was lodged.',
  'off.stepForm.intro.date':
    'Give the date for “{step}”. It cannot lie in the future. This is recorded in {name}’s case and cannot be undone.',
  'off.stepForm.intro.release':
    'Record the release (解除协议) {name} signed, one item per line, and who proposed the exit. This is recorded in the case and cannot be undone.',
  'off.stepForm.intro.hearing':
    'Record the invitation to the dismissal hearing sent to {name}. It must state the right to be accompanied.',
  'off.stepForm.intro.appeal':
    'Record the appeal: who heard it and the outcome. If {name} did not appeal in time, choose “no appeal lodged”.',
  'off.stepForm.intro.notice': 'This records that notice was given to {name} today. It cannot be undone.',
  'off.stepForm.intro.none': 'This records “{step}” in {name}’s case. It cannot be undone.',
  'off.stepForm.futureDate': 'This date is in the future; record it once it has happened.',
  'off.stepForm.badWage': 'Enter the previous month’s wage, a number of 0 or more.',
  'off.stepForm.releaseNegative': 'Line {line}: a release cannot make the employee pay; remove the negative amount.',
  'off.stepForm.notIndependent': '{name} took part in this case before; the appeal needs someone not involved.',
  'off.stepForm.heardBySearch': 'Type a name, email or department',
  'off.stepForm.hearerOption': '{name} ({department}, {email})',
  'off.stepForm.hearerNoMatch':
    'Nobody who may hear the appeal matches “{query}”. Type a name, an email or a department.',
  'off.stepForm.hearerMany': '“{query}” could be: {people}. Type the email of the one you mean.',
  'off.stepForm.hearerManyMore': '“{query}” could be {people} or others. Type more of the name, or the email.',
  'off.stepForm.hearerListSeparator': '; ',

  'off.appeal.upheld': 'Dismissal upheld',
  'off.appeal.overturned': 'Dismissal overturned',
  'off.appeal.not_lodged': 'No appeal lodged in time',

  'off.stepForm.date': 'Date',
  'off.stepForm.release': 'Itemised release (one line per item: what it settles and the amount)',
  'off.stepForm.noCoercion': 'The employee confirmed, in person, that nothing was coerced',
  'off.stepForm.mustConfirm': 'Record this only when the employee confirmed it.',
  'off.stepForm.badDate': 'Use a date like 2026-11-30.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'off.stepForm.proposedBy': '由哪一方提出解除劳动合同？',
  'off.stepForm.previousMonthWage': '上月工资（代通知金）',
  'off.stepForm.previousMonthWageHint':
    '解除劳动合同前一个月的工资，而非前十二个月平均工资（《劳动合同法实施条例》第二十条）。',
  'off.stepForm.hearingDate': '听证日期',
  'off.stepForm.accompanied': '邀请中已告知{name}有权由同事或工会代表陪同',
  'off.stepForm.appealOutcome': '申诉结果',
  'off.stepForm.heardBy': '审理人',
  'off.stepForm.heardByHint': '此前未参与本案的人员。如员工未申诉，请留空。',
  'off.stepForm.intro.date': '请填写「{step}」的日期，不得晚于今天。此操作记入{name}的案件，无法撤销。',
  'off.stepForm.intro.release':
    '请逐项录入{name}签署的解除协议（每行一项），并注明由哪一方提出。此操作记入案件，无法撤销。',
  'off.stepForm.intro.hearing': '请记录向{name}发出的解雇听证邀请。邀请须写明陪同权。',
  'off.stepForm.intro.appeal': '请记录申诉：审理人及结果。如{name}未在期限内申诉，请选择“未在期限内申诉”。',
  'off.stepForm.intro.notice': '将记录今天已向{name}发出通知。此操作无法撤销。',
  'off.stepForm.intro.none': '将在{name}的案件中记录「{step}」。此操作无法撤销。',
  'off.stepForm.futureDate': '该日期在未来；请在事情发生后再记录。',
  'off.stepForm.badWage': '请填写上月工资，须为不小于0的数字。',
  'off.stepForm.releaseNegative': '第{line}行：解除协议不能要求劳动者付款，请删除负数金额。',
  'off.stepForm.notIndependent': '{name}此前参与过本案；申诉须由未参与的人员审理。',
  'off.stepForm.heardBySearch': '输入姓名、邮箱或部门',
  'off.stepForm.hearerOption': '{name}（{department}，{email}）',
  'off.stepForm.hearerNoMatch': '没有与“{query}”相符、可审理申诉的人员。请输入姓名、邮箱或部门。',
  'off.stepForm.hearerMany': '“{query}”可能是：{people}。请输入所指人员的邮箱。',
  'off.stepForm.hearerManyMore': '“{query}”可能是{people}等人。请输入更完整的姓名或邮箱。',
  'off.stepForm.hearerListSeparator': '；',

  'off.appeal.upheld': '维持解雇',
  'off.appeal.overturned': '撤销解雇',
  'off.appeal.not_lodged': '未在期限内申诉',

  'off.stepForm.date': '日期',
  'off.stepForm.release': '解除协议（逐项列明，每行一项；有金额的写在冒号后，如「经济补偿：40000」）',
  'off.stepForm.noCoercion': '员工已当面确认未受任何胁迫',
  'off.stepForm.mustConfirm': '仅在员工确认后才可记录。',
  'off.stepForm.badDate': '请使用 2026-11-30 这样的日期。',
};
