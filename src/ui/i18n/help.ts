export const en = {
  'help.title': 'Dandang (担当): what I can do',
  'help.intro':
    'I help managers review their reports against clear KPIs every week, record training and conversations, and keep dismissal requests honest.',
  'help.mine':
    '**/review mine**: everything recorded about you, to acknowledge or dispute. **/review mine export**: your whole record as a file in your DM.',
  'help.review':
    '**/review**: open your next pending review. **/review @person**: review one report. **/review status**: your team this cycle.',
  'help.reviewHr': '**/review start [department]**: open the current cycle now. **/review status all**: every team.',
  'help.note':
    '**/note @person**: record a 1:1, feedback, a warning or an improvement-plan check-in. **/note @person pip** (or `improvement`, `warning`, `final`, `hearing`): an improvement plan with its length, a warning stage with its review period, a hearing invitation.',
  'help.training': '**/training @person**: plan training tied to the KPIs they are missing, with sign-in.',
  'help.offboard':
    '**/offboard @person [reason]**: open a dismissal case (HR or the manager). **/offboard status**: open cases. **/offboard case <case>**: the case card again, with its buttons.',
  'help.adjust':
    '**/dandang adjust @person <job-id>**: record a job adjustment (调岗) with its reason and effective date. **/dandang incident @person**: record a conduct incident (the handbook rule broken and the evidence); the employee gives a written statement.',
  'help.hrTools':
    '**/offboard dossier <case>**: export a case’s dossier. **/dandang report [channel] [department] [period]**: the HR dashboard’s charts in your DM (with `channel`, in the HR channel). **/dandang report export [department] [period]**: the performance report as .xlsx. **/dandang report cases**: case cycle times and disputes. **/dandang protect @person <kind> <from> [to]**: record a protected status that blocks a case. **/dandang audit @person**: who opened their records. **/dandang handbook**: add a handbook section; **/dandang handbook @person**: send the handbook to acknowledge.',
  'help.dandang':
    '**/dandang home**: your Home (reviews due, disputes to answer, your team, your record). **/dandang help**: this message.',
  'help.footer': 'Every review and note about you is shown to you, and you can acknowledge or dispute it.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'help.title': '担当（Dandang）：我能做什么',
  'help.intro': '我帮助经理每周对照清晰的 KPI 考核下属，记录培训和沟通，让解除劳动合同的申请有据可依。',
  'help.mine':
    '**/review mine**：查看关于你的全部记录，可逐条确认或提出异议。**/review mine export**：把全部记录导出为文件发到私信。',
  'help.review':
    '**/review**：打开下一份待完成的考核。**/review @某人**：考核某位下属。**/review status**：本周期团队进度。',
  'help.reviewHr': '**/review start [部门]**：立即开启本周期。**/review status all**：查看所有团队。',
  'help.note':
    '**/note @某人**：记录一对一沟通、绩效反馈、书面警告或绩效改进计划跟进。**/note @某人 改进计划**（或`改进通知`、`警告`、`最终警告`、`听证`）：写明期限的绩效改进计划、写明考核期的警告阶段、听证邀请。',
  'help.training': '**/training @某人**：针对未达标的 KPI 制定培训计划，并支持签到。',
  'help.offboard':
    '**/offboard @某人 [原因]**：发起解除劳动合同案件（HR 或直属经理）。**/offboard status**：进行中的案件。**/offboard case <案件编号>**：重新发送案件卡片及其按钮。',
  'help.adjust':
    '**/dandang adjust @某人 <岗位ID>**：记录调岗，包括原因和生效日期。**/dandang incident @某人**：记录违纪事件（所违反的员工手册条款及证据）；员工可提交书面陈述。',
  'help.hrTools':
    '**/offboard dossier <案件编号>**：导出案件的证据材料。**/dandang report [channel] [部门] [期间]**：把 HR 仪表盘的图表发到你的私信（加上 channel 则发到 HR 频道）。**/dandang report export [部门] [期间]**：导出《绩效报表》（.xlsx）。**/dandang report cases**：案件周期和异议统计。**/dandang protect @某人 <类型> <开始日期> [结束日期]**：记录不得解除劳动合同的情形（如孕期、医疗期）。**/dandang handbook**：新增员工手册条款；**/dandang handbook @某人**：发送员工手册签收。**/dandang audit @某人**：谁查看过其记录。',
  'help.dandang':
    '**/dandang home**：你的主页（待完成的考核、待回应的异议、团队进度、我的记录）。**/dandang help**：显示本帮助。',
  'help.footer': '所有关于你的考核和记录都会发给你，你可以确认或提出异议。',
};
