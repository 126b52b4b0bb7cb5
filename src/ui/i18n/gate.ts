/**
 * The evidence gate in words people read: what is missing and who must supply it, why a record
 * does not count, protected statuses, and what an irreversible step will do. No ids, no codes.
 */
export const en = {
  'gate.rec.kpis': 'the KPIs of the {job} job',
  'gate.rec.review': 'review “{period}” ({date})',
  'gate.rec.note': '{kind} of {date}',
  'gate.rec.training': 'training “{goal}” ({date})',
  'gate.rec.adjustment': 'job adjustment to {job} (effective {date})',
  'gate.rec.incident': 'incident of {date} ({rule})',
  'gate.rec.incidentNoRule': 'incident of {date}',
  'gate.rec.handbook': 'handbook version {version} (answered {date})',
  'gate.rec.late': '(recorded {days} days later)',
  'gate.rec.attendance': '{attended} of {sessions} sessions attended',
  'gate.rec.on': 'on {kpis}',
  'gate.ack.acknowledged': 'acknowledged',
  'gate.ack.disputed': 'disputed',
  'gate.ack.refused': 'refused before a witness',
  'gate.counted': 'Counted: {records}.',
  'gate.have': '{found} of the {required} needed are on record.',

  'gate.which.a': 'a',
  'gate.which.2': 'a second',
  'gate.which.3': 'a third',
  'gate.which.n': 'another',

  'gate.need.kpi_defined': 'HR must set written, quantified KPIs for {name}’s job (the jobs file).',
  'gate.need.kpi_acknowledged': '{name} must acknowledge the KPIs of their job.',
  'gate.need.below_target_review': '{who} must record {which} review of {name} with the actual figures below target.',
  'gate.need.conversation': '{who} must record {which} conversation with {name} about the gap.',
  'gate.need.remedy':
    '{who} must give {name} training on the missed KPIs (attending at least {percent}% of the sessions), or adjust {name}’s job because of the gap.',
  'gate.need.reassessment_failed':
    '{who} must reassess {name} against the same KPIs (or the new job’s), at least {days} days after the training or adjustment ended.',
  'gate.need.final_review': '{who} must record a final review of {name} after the final warning’s review period.',
  'gate.need.warning': '{who} must issue {doc} to {name}.',
  'gate.need.improvement_note':
    '{who} must invite {name} to a hearing (stating the right to be accompanied), hold it, then issue an improvement note with targets and a timescale.',
  'gate.need.first_written_warning':
    'After the improvement note’s review period, {who} must invite {name} to a hearing (stating the right to be accompanied), hold it, then issue a first written warning.',
  'gate.need.final_written_warning':
    'After the first warning’s review period, {who} must invite {name} to a hearing (stating the right to be accompanied), hold it, then issue a final written warning that states dismissal may follow.',
  'gate.need.pip':
    'After coaching, {who} must start an improvement plan with {name} that states its length (30, 60 or 90 days); {name} signs for receipt.',
  'gate.need.pip_check_ins':
    '{who} must hold a check-in with {name} at least every {every} days while the plan runs; {name} acknowledges each one.',
  'gate.need.pip_failed':
    '{who} must record a review against the plan’s goals once the plan has run its stated length.',
  'gate.need.incident':
    '{who} or HR must record the incident: what happened, the handbook section that was broken, and the evidence held.',
  'gate.need.rule_acknowledged':
    '{name} must have acknowledged the handbook holding that rule before the incident: a rule {name} did not know cannot ground a dismissal.',
  'gate.need.employee_response':
    '{name} must give a written statement on the incident, or HR records a refusal before a witness.',
  'gate.need.other': '{who} must supply: {item}.',
  'gate.need.respond':
    '{name} must respond to {records} (acknowledge it, or comment to dispute it); if {name} refuses, HR records the refusal before a witness.',
  'gate.need.after': 'It comes after “{item}”, which is not complete yet.',

  'gate.why.in_future': '{rec} counts only from {date}: nothing in the future counts.',
  'gate.why.too_soon': '{rec} came too early: it counts only from {date}, {days} days after “{anchor}” ended.',
  'gate.why.too_soon0': '{rec} came before “{anchor}” ended ({date}).',
  'gate.why.not_before': '{rec} is not dated before “{anchor}”.',
  'gate.why.kpis_not_known_first':
    '{rec} does not count: {name} had not acknowledged those KPIs before the review period began.',
  'gate.why.not_targeting_missed': '{rec} does not target any KPI {name} missed.',
  'gate.why.low_attendance': '{rec}: {name} attended {attended} of {sessions} sessions; at least {percent}% is needed.',
  'gate.why.no_signed_sheet':
    '{rec}: {days} of its {sessions} sessions have no signed sign-in sheet attached (Attach sign-in sheet on the plan).',
  'gate.why.training_unfinished':
    '{rec} has not finished: it counts once its last session is over and it is marked completed.',
  'gate.why.completed_before_last_session': '{rec} was marked completed before its last session ended.',
  'gate.why.not_performance_reason':
    '{rec} was not made because of the performance gap: it must name the missed KPIs and a performance reason; a restructuring (a department dissolved) does not count.',
  'gate.why.other_kpis': '{rec} measures other KPIs than the ones the remedy or plan targeted.',
  'gate.why.met_target': '{rec} met the targets it was measured against.',
  'gate.why.no_stated_length': '{rec} does not state its length (30, 60 or 90 days).',
  'gate.why.check_in_gap': 'From {date}, {days} days passed without a check-in (at most {every}).',
  'gate.why.no_hearing': '{rec} was not preceded by a hearing for this stage.',
  'gate.why.hearing_without_companion':
    'The hearing invitation before {rec} did not state the right to be accompanied.',
  'gate.why.no_dismissal_risk': '{rec} does not state that dismissal may follow.',
  'gate.why.no_rule': '{rec} does not name the handbook rule that was broken.',
  'gate.why.no_evidence': '{rec} names no evidence.',
  'gate.why.rule_not_covered': '{rec} does not cover the rule the incident cites (it was added later).',
  'gate.why.outside_window': '{rec} is older than {days} days.',

  'gate.only': 'Only {roles} can do “{step}”.',
  'gate.notIndependent': '“{step}” needs HR who is not {name}’s line manager: the manager cannot approve alone.',
  'gate.samePerson': 'You already confirmed “{step}”; {roles} must be a different person.',
  'gate.stepFirst': 'First, {who} must do “{step}”.',
  'gate.notYet': 'The date recorded at “{dateOf}” is {date}: “{step}” can be recorded from that day, not before.',
  'gate.cannot': 'Cannot do “{step}” yet:',

  'gate.blocker.status': '⛔ {blocker}: {status} since {since}',
  'gate.blocker.derived': '⛔ {blocker}: {years} years’ service; statutory retirement age {age}, reached on {date}',
  'gate.blocker.assumed': '(retirement basis not on record: the earliest was assumed)',
  'gate.blocker.unknownHire': '⛔ {blocker}: cannot be ruled out until {name}’s hire date is on record',
  'gate.blocker.unknownBirth':
    '⛔ {blocker}: {years} years’ service; cannot be ruled out until {name}’s birth date is on record',
  'gate.age': '{years} years {months} months',
  'gate.ageYears': '{years}',

  'gate.pstatus.occupational_exposure_unexamined': 'exposed to occupational hazards, exit health check not done',
  'gate.pstatus.occupational_disease_diagnosis': 'suspected occupational disease, under diagnosis or observation',
  'gate.pstatus.occupational_disease': 'occupational disease with lost working capacity',
  'gate.pstatus.work_injury': 'work injury with lost working capacity',
  'gate.pstatus.medical_treatment': 'medical treatment period',
  'gate.pstatus.pregnancy': 'pregnancy',
  'gate.pstatus.maternity': 'maternity leave',
  'gate.pstatus.nursing': 'nursing a child under one',
  'gate.pstatus.near_retirement': '15+ years’ service and within 5 years of statutory retirement',
  'gate.pstatus.other_statutory_protection': 'other statutory protection',
  'gate.pstatus.protected_leave': 'protected leave',
  'gate.pstatus.accommodation_request': 'request for a reasonable accommodation',
  'gate.pstatus.complaint': 'complaint',
  'gate.pstatus.whistleblowing': 'whistleblowing',
  'gate.pstatus.disability_no_adjustment_review': 'disability, reasonable adjustments not reviewed',
  'gate.pstatus.expired_warning': 'a warning relied on has expired',
  'gate.pstatus.companion_request_ignored': 'a request to be accompanied was ignored',

  'gate.status.evidence': 'waiting on evidence: {lines}',
  'gate.status.step': 'waiting on {who} to do “{step}”',
  'gate.status.blocked': 'blocked: {lines}',

  'gate.confirm.title': 'Are you sure?',
  'gate.confirm.yes': 'Yes, record it',
  'gate.confirm.generic': 'This records “{step}” in {name}’s case. It cannot be undone.',
  'gate.confirm.manager_confirms':
    'You confirm, as {name}’s line manager, that the case should go ahead on this evidence. This is recorded in the case and cannot be undone.',
  'gate.confirm.hr_approves': 'You approve {name}’s case as HR. This is recorded in the case and cannot be undone.',
  'gate.confirm.check':
    'You record that you checked {name}’s protected statuses. The statuses checked and the result are kept with the case.',
  'gate.confirm.legal_review': 'You record that legal review of {name}’s case is done. This cannot be undone.',
  'gate.confirm.meeting_held':
    'You confirm that you attended the meeting with {name}. The other attendee, a different person, confirms separately.',
  'gate.confirm.notice_issued':
    'This records that written notice was given to {name} today, and fixes the last day and the settlement. It cannot be undone.',
  'gate.confirm.notice_in_lieu':
    'This records that notice was given to {name} today with one month’s pay in lieu: the contract ends today. It cannot be undone.',
  'gate.confirm.decision_issued':
    'This records that the written dismissal decision was given to {name} today. It cannot be undone.',
  'gate.confirm.close': 'This closes {name}’s case. Nothing more can be recorded in it.',

  'gate.missing.hire_date': 'hire date',
  'gate.missing.monthly_wage': '12-month average wage',
  'gate.missing.previous_month_wage': 'previous month’s wage',
  'gate.proposer.employer': 'the employer',
  'gate.proposer.employee': 'the employee',
  'gate.listSep': ', ',
  'gate.recordSep': '; ',
  'gate.releaseItem': '{text}: {amount}',
  'gate.reasonSep': ': ',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'gate.rec.kpis': '{job}岗位的KPI',
  'gate.rec.review': '考核「{period}」（{date}）',
  'gate.rec.note': '{date}的{kind}',
  'gate.rec.training': '培训「{goal}」（{date}）',
  'gate.rec.adjustment': '调岗至{job}（{date}生效）',
  'gate.rec.incident': '{date}的违纪事件（{rule}）',
  'gate.rec.incidentNoRule': '{date}的违纪事件',
  'gate.rec.handbook': '员工手册第{version}版（{date}回应）',
  'gate.rec.late': '（{days}天后才录入）',
  'gate.rec.attendance': '出席了{sessions}次中的{attended}次',
  'gate.rec.on': '涉及{kpis}',
  'gate.ack.acknowledged': '已确认',
  'gate.ack.disputed': '有异议',
  'gate.ack.refused': '见证人在场拒签',
  'gate.counted': '已计入：{records}。',
  'gate.have': '共需{required}项，已有{found}项。',

  'gate.which.a': '一次',
  'gate.which.2': '第二次',
  'gate.which.3': '第三次',
  'gate.which.n': '又一次',

  'gate.need.kpi_defined': 'HR须为{name}的岗位设定书面、量化的KPI（岗位文件）。',
  'gate.need.kpi_acknowledged': '{name}须确认本岗位的KPI。',
  'gate.need.below_target_review': '{who}须记录{name}的{which}未达标考核（附实际数据）。',
  'gate.need.conversation': '{who}须记录与{name}关于差距的{which}沟通。',
  'gate.need.remedy':
    '{who}须针对未达标的KPI为{name}安排培训（出勤率不低于{percent}%），或因不能胜任而调整{name}的工作岗位。',
  'gate.need.reassessment_failed':
    '{who}须在培训或调岗结束至少{days}天后，对照同一KPI（或新岗位的KPI）对{name}再次考核。',
  'gate.need.final_review': '{who}须在最终书面警告的考核期届满后记录对{name}的最终考核。',
  'gate.need.warning': '{who}须向{name}发出{doc}。',
  'gate.need.improvement_note': '{who}须邀请{name}参加听证（写明陪同权）并举行听证，然后发出附目标和期限的改进通知。',
  'gate.need.first_written_warning':
    '改进通知的考核期届满后，{who}须邀请{name}参加听证（写明陪同权）并举行听证，然后发出第一次书面警告。',
  'gate.need.final_written_warning':
    '第一次书面警告的考核期届满后，{who}须邀请{name}参加听证（写明陪同权）并举行听证，然后发出写明可能解雇的最终书面警告。',
  'gate.need.pip': '辅导之后，{who}须与{name}启动写明期限（30、60或90天）的绩效改进计划；{name}签收。',
  'gate.need.pip_check_ins': '计划期间，{who}须至少每{every}天与{name}跟进一次；每次由{name}确认。',
  'gate.need.pip_failed': '计划按所述期限届满后，{who}须记录对照计划目标的考核。',
  'gate.need.incident': '{who}或HR须记录违纪事件：经过、所违反的员工手册条款及掌握的证据。',
  'gate.need.rule_acknowledged':
    '{name}须在事件发生前已签收载有该规定的员工手册：员工不知晓的规章制度不能作为解除依据。',
  'gate.need.employee_response': '{name}须就该事件提交书面陈述，或由HR在见证人在场时记录其拒绝。',
  'gate.need.other': '{who}须提供：{item}。',
  'gate.need.respond': '{name}须对{records}作出回应（确认，或填写意见提出异议）；如拒绝签收，由HR在见证人在场时记录。',
  'gate.need.after': '此项须在「{item}」之后，而该项尚未完成。',

  'gate.why.in_future': '{rec}自{date}起才计入：尚未发生的事不计入。',
  'gate.why.too_soon': '{rec}过早：须在「{anchor}」结束{days}天后，即自{date}起才计入。',
  'gate.why.too_soon0': '{rec}早于「{anchor}」结束（{date}）。',
  'gate.why.not_before': '{rec}不早于「{anchor}」。',
  'gate.why.kpis_not_known_first': '{rec}不计入：考核期开始前{name}尚未确认相应KPI。',
  'gate.why.not_targeting_missed': '{rec}未针对{name}未达标的任何KPI。',
  'gate.why.low_attendance': '{rec}：{name}出席了{sessions}次中的{attended}次，出勤率须不低于{percent}%。',
  'gate.why.no_signed_sheet': '{rec}：{sessions}次课中有{days}次未上传签到表（请在培训计划上点击“上传签到表”）。',
  'gate.why.training_unfinished': '{rec}尚未结束：最后一次课程结束并标记完成后才计入。',
  'gate.why.completed_before_last_session': '{rec}在最后一次课程结束前就被标记为完成。',
  'gate.why.not_performance_reason':
    '{rec}并非因不能胜任而调岗：须写明未达标的KPI和绩效原因；组织调整（如部门撤销）不计入。',
  'gate.why.other_kpis': '{rec}考核的KPI与补救措施或改进计划针对的KPI不同。',
  'gate.why.met_target': '{rec}已达到所考核的目标。',
  'gate.why.no_stated_length': '{rec}未写明期限（30、60或90天）。',
  'gate.why.check_in_gap': '自{date}起{days}天没有跟进（最长间隔{every}天）。',
  'gate.why.no_hearing': '{rec}之前没有针对该阶段的听证。',
  'gate.why.hearing_without_companion': '{rec}之前的听证邀请未写明陪同权。',
  'gate.why.no_dismissal_risk': '{rec}未写明可能导致解雇。',
  'gate.why.no_rule': '{rec}未写明所违反的员工手册条款。',
  'gate.why.no_evidence': '{rec}未列明证据。',
  'gate.why.rule_not_covered': '{rec}不包含事件所引用的条款（该条款是之后加入的）。',
  'gate.why.outside_window': '{rec}已超过{days}天。',

  'gate.only': '只有{roles}可以执行「{step}」。',
  'gate.notIndependent': '「{step}」须由不是{name}直属经理的HR执行：经理不能独自批准。',
  'gate.samePerson': '你已确认「{step}」；{roles}须由另一人确认。',
  'gate.stepFirst': '须先由{who}完成「{step}」。',
  'gate.notYet': '「{dateOf}」记录的日期为{date}：自当日起方可记录「{step}」，不得提前。',
  'gate.cannot': '暂不能执行「{step}」：',

  'gate.blocker.status': '⛔ {blocker}：{status}，自{since}起',
  'gate.blocker.derived': '⛔ {blocker}：连续工作{years}年；法定退休年龄{age}，于{date}达到',
  'gate.blocker.assumed': '（未记录退休年龄类别，按最早者计算）',
  'gate.blocker.unknownHire': '⛔ {blocker}：录入{name}的入职日期之前无法排除',
  'gate.blocker.unknownBirth': '⛔ {blocker}：连续工作{years}年；录入{name}的出生日期之前无法排除',
  'gate.age': '{years}岁{months}个月',
  'gate.ageYears': '{years}岁',

  'gate.pstatus.occupational_exposure_unexamined': '从事接触职业病危害作业，未进行离岗前职业健康检查',
  'gate.pstatus.occupational_disease_diagnosis': '疑似职业病病人在诊断或者医学观察期间',
  'gate.pstatus.occupational_disease': '患职业病并被确认丧失或者部分丧失劳动能力',
  'gate.pstatus.work_injury': '因工负伤并被确认丧失或者部分丧失劳动能力',
  'gate.pstatus.medical_treatment': '医疗期',
  'gate.pstatus.pregnancy': '孕期',
  'gate.pstatus.maternity': '产期',
  'gate.pstatus.nursing': '哺乳期',
  'gate.pstatus.near_retirement': '连续工作满十五年且距法定退休年龄不足五年',
  'gate.pstatus.other_statutory_protection': '法律、行政法规规定的其他情形',
  'gate.pstatus.protected_leave': '受保护休假',
  'gate.pstatus.accommodation_request': '合理便利申请',
  'gate.pstatus.complaint': '投诉',
  'gate.pstatus.whistleblowing': '举报',
  'gate.pstatus.disability_no_adjustment_review': '残疾且未评估合理调整',
  'gate.pstatus.expired_warning': '所依据的警告已过期',
  'gate.pstatus.companion_request_ignored': '陪同请求被忽视',

  'gate.status.evidence': '等待证据：{lines}',
  'gate.status.step': '等待{who}完成「{step}」',
  'gate.status.blocked': '受阻：{lines}',

  'gate.confirm.title': '确定吗？',
  'gate.confirm.yes': '确定，记录',
  'gate.confirm.generic': '将在{name}的案件中记录「{step}」，且无法撤销。',
  'gate.confirm.manager_confirms': '你以{name}直属经理的身份确认案件依据现有证据继续进行。此操作记入案件，无法撤销。',
  'gate.confirm.hr_approves': '你以HR身份批准{name}的案件。此操作记入案件，无法撤销。',
  'gate.confirm.check': '你记录已检查{name}的受保护状态。所检查的项目及结果将随案件保存。',
  'gate.confirm.legal_review': '你记录{name}案件的法务审核已完成。此操作无法撤销。',
  'gate.confirm.meeting_held': '你确认本人出席了与{name}的面谈。另一位出席人（须为不同的人）另行确认。',
  'gate.confirm.notice_issued': '将记录今天已向{name}发出书面通知，并确定最后工作日和结算金额。此操作无法撤销。',
  'gate.confirm.notice_in_lieu':
    '将记录今天已向{name}发出通知并额外支付一个月工资代替提前通知：劳动合同于今天解除。此操作无法撤销。',
  'gate.confirm.decision_issued': '将记录今天已向{name}送达书面解除决定。此操作无法撤销。',
  'gate.confirm.close': '将结束{name}的案件，此后不能再记录任何内容。',

  'gate.missing.hire_date': '入职日期',
  'gate.missing.monthly_wage': '前十二个月平均工资',
  'gate.missing.previous_month_wage': '上月工资',
  'gate.proposer.employer': '用人单位',
  'gate.proposer.employee': '劳动者',
  'gate.listSep': '、',
  'gate.recordSep': '；',
  'gate.releaseItem': '{text}：{amount}',
  'gate.reasonSep': '：',
};
