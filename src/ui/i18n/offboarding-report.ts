/** Strings of HR's list of open cases and the cycle-time and disputes report. */
export const en = {
  'off.status.header': 'Open dismissal cases',
  'off.status.none': 'No open cases.',
  'off.status.line': '#{id} {name} ({path}), open {days} day(s): {waiting}',
  'off.status.hrOnly': 'Only HR can list cases.',

  'off.report.header': 'Dismissal cases: cycle time and disputes',
  'off.report.counts': 'Opened: {opened} · open: {open} · closed: {closed} · withdrawn: {withdrawn}',
  'off.report.cycle': 'Cycle time, opened → closed: median {median} days, average {average} days',
  'off.report.noCycle': 'No case has closed yet.',
  'off.report.step': '{step}: median {median} days',
  'off.report.disputes': 'On the records of people with a case: {disputed} disputes, {refused} witnessed refusals',
  'off.report.hrOnly': 'Only HR can see the report.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'off.status.header': '进行中的解除劳动合同案件',
  'off.status.none': '没有进行中的案件。',
  'off.status.line': '#{id} {name}（{path}），已进行{days}天：{waiting}',
  'off.status.hrOnly': '只有 HR 可以查看案件列表。',

  'off.report.header': '解除劳动合同案件：周期与异议',
  'off.report.counts': '发起：{opened} · 进行中：{open} · 结案：{closed} · 撤回：{withdrawn}',
  'off.report.cycle': '周期（发起 → 结案）：中位数 {median} 天，平均 {average} 天',
  'off.report.noCycle': '尚无结案的案件。',
  'off.report.step': '{step}：中位数 {median} 天',
  'off.report.disputes': '涉案人员的记录中：异议 {disputed} 次，见证拒签 {refused} 次',
  'off.report.hrOnly': '只有 HR 可以查看报告。',
};
