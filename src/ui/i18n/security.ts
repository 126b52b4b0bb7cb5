/** Strings of the data-protection features: audit checkpoints, audit reads, the employee's export. */
export const en = {
  'sec.checkpoint.header': 'Audit log checkpoint · {day}',
  'sec.checkpoint.body': 'On {day} the audit log held **{rows}** entries. Its head hash is:',
  'sec.checkpoint.keep':
    'Keep this message: the database cannot change it. If anyone later rewrites, truncates or rolls back the log, this check fails:',
  'sec.checkpoint.command': 'npm run dandang -- audit verify --anchor {rows}:{hash}',
  'sec.checkpoint.unsigned': 'This checkpoint is not signed: set DANDANG_AUDIT_KEY so the log cannot be re-hashed.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'sec.checkpoint.header': '审计日志检查点 · {day}',
  'sec.checkpoint.body': '{day} 审计日志共有 **{rows}** 条记录，链头哈希为：',
  'sec.checkpoint.keep': '请保留此消息：数据库无法修改它。日后若有人改写、截断或回滚日志，以下校验将失败：',
  'sec.checkpoint.command': 'npm run dandang -- audit verify --anchor {rows}:{hash}',
  'sec.checkpoint.unsigned': '此检查点未签名：请设置 DANDANG_AUDIT_KEY，以防日志被重新计算哈希。',
};
