/** Strings of the form that records a protected status (`/dandang protect`). */
export const en = {
  'off.protect.citation': 'Legal basis',
  'off.protect.citationHint': 'Required for “other statutory protection”: the law or regulation, article and item.',
  'off.protect.citationRequired': 'Name the law or regulation (article and item) that protects this person.',
  'off.protect.usage': 'Usage: `/dandang protect @person <kind> <from YYYY-MM-DD> [to YYYY-MM-DD]`. Kinds: {kinds}',
  'off.protect.title': 'Record a protected status',
  'off.protect.kind': 'Status',
  'off.protect.from': 'From',
  'off.protect.to': 'Until',
  'off.protect.note': 'Note',
  'off.protect.ok': 'Recorded “{kind}” for {name} from {from}.',
  'off.protect.hrOnly': 'Only HR records protected statuses.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'off.protect.citation': '法律依据',
  'off.protect.citationHint': '“法律、行政法规规定的其他情形”必填：法律或法规名称及条、款、项。',
  'off.protect.citationRequired': '请写明保护该员工的法律或行政法规（条、款、项）。',
  'off.protect.usage': '用法：`/dandang protect @某人 <类型> <开始 YYYY-MM-DD> [结束 YYYY-MM-DD]`。类型：{kinds}',
  'off.protect.title': '记录受保护状态',
  'off.protect.kind': '状态',
  'off.protect.from': '开始',
  'off.protect.to': '结束',
  'off.protect.note': '备注',
  'off.protect.ok': '已为 {name} 记录「{kind}」，自 {from} 起。',
  'off.protect.hrOnly': '只有 HR 可以记录受保护状态。',
};
