/** Strings of the notice and severance section of a case (HR only). */
export const en = {
  'off.settle.header': '**Notice and severance** (HR only)',
  'off.settle.notice': 'Notice given {noticeDate}; last day {lastDay} ({days} days).',
  'off.settle.lieu': 'Pay in lieu of notice; last day {lastDay}.',
  'off.settle.immediate':
    'The employment ends on {lastDay}, the day the notice or decision is given: no notice period runs.',
  'off.settle.n': 'Severance N: {months} × {wage} = {amount} {currency}.',
  'off.settle.capped': 'The wage is capped at 3× the local average and the years at 12.',
  'off.settle.capUnknown': 'No local average wage in the config: the 3× cap was not checked.',
  'off.settle.total': 'With one month’s wage in lieu (N+1): {amount} {currency}.',
  'off.settle.risk': 'Unlawful-termination risk (2N): {amount} {currency}.',
  'off.settle.missing': 'Not computed: {missing} not on record.',
  'off.settle.preLaw':
    'Service before 2008 ({from} to {to}), under the rules of the time: {months} × {wage} = {amount} {currency}.',
  'off.settle.postLaw': 'Service from {from} to {to}, Art. 47: {months} × {wage} = {amount} {currency}.',
  'off.settle.minimum': 'The 12-month average ({average}) is below the local minimum wage and is raised to it.',
  'off.settle.lieuAmount': 'Pay in lieu of notice (the previous month’s wage): {amount} {currency}.',
  'off.settle.noneOnPath': 'No severance is owed on this path ({path}).',
  'off.settle.employeeProposed':
    'No severance: the employee proposed the agreement (N is owed only when the employer proposes, Art. 46(2)).',
  'off.settle.release': 'Release, proposed by {proposer}: {items}. Total {total} {currency}.',
  'off.settle.releaseBelowN':
    '⚠️ The release pays {total} {currency}, less than the N of {n} {currency} owed on an exit the employer proposed.',
  'off.settle.owbpa':
    'If a release is offered and the employee is 40 or older: consider until {until} ({groupUntil} for a group), then {revoke} days to revoke (OWBPA).',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'off.settle.header': '**通知与经济补偿**（仅 HR 可见）',
  'off.settle.notice': '通知日 {noticeDate}；最后工作日 {lastDay}（{days} 天）。',
  'off.settle.lieu': '以代通知金替代提前通知；最后工作日 {lastDay}。',
  'off.settle.immediate': '劳动合同于{lastDay}（通知或决定送达当日）解除，无提前通知期。',
  'off.settle.n': '经济补偿 N：{months} × {wage} = {amount} {currency}。',
  'off.settle.capped': '月工资按当地平均工资 3 倍封顶，年限最高 12 年。',
  'off.settle.capUnknown': '配置中没有当地平均工资，未检查 3 倍封顶。',
  'off.settle.total': '加一个月代通知金（N+1）：{amount} {currency}。',
  'off.settle.risk': '违法解除劳动合同赔偿金（2N）：{amount} {currency}。',
  'off.settle.missing': '未计算：缺少{missing}。',
  'off.settle.preLaw': '2008年前的工作年限（{from}至{to}），按当时规定：{months} × {wage} = {amount} {currency}。',
  'off.settle.postLaw': '{from}至{to}的工作年限，第四十七条：{months} × {wage} = {amount} {currency}。',
  'off.settle.minimum': '前十二个月平均工资（{average}）低于当地最低工资标准，按最低工资标准计算。',
  'off.settle.lieuAmount': '代通知金（上月工资）：{amount} {currency}。',
  'off.settle.noneOnPath': '此流程不支付经济补偿（{path}）。',
  'off.settle.employeeProposed': '不支付经济补偿：由劳动者提出协商解除（第四十六条第（二）项仅在用人单位提出时支付）。',
  'off.settle.release': '解除协议，由{proposer}提出：{items}。合计{total} {currency}。',
  'off.settle.releaseBelowN':
    '⚠️ 解除协议合计{total} {currency}，低于用人单位提出解除时依法应付的经济补偿N {n} {currency}。',
  'off.settle.owbpa':
    '如提供附放弃声明的遣散且员工年满 40 岁：考虑期至 {until}（集体为 {groupUntil}），之后 {revoke} 天撤回期（OWBPA）。',
};
