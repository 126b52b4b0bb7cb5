/** Strings of the data-protection features: audit checkpoints, audit reads, the employee's export. */
export const en = {
  'sec.checkpoint.header': 'Audit log checkpoint · {day}',
  'sec.checkpoint.body': 'On {day} the audit log held **{rows}** entries. Its head hash is:',
  'sec.checkpoint.keep':
    'Keep this message: the database cannot change it. If anyone later rewrites, truncates or rolls back the log, this check fails:',
  'sec.checkpoint.command': 'npm run dandang -- audit verify --anchor {rows}:{hash}',
  'sec.checkpoint.unsigned': 'This checkpoint is not signed: set DANDANG_AUDIT_KEY so the log cannot be re-hashed.',
  'sec.backup.failedTitle': '⚠️ The daily backup failed',
  'sec.backup.failedBody':
    'The backup of {day} failed ({attempts} attempt(s), the last at {last}). The bot keeps running and tries again every hour; until one succeeds, the newest good backup is older than today.',
  'sec.backup.failedNext':
    'Ask whoever runs Dandang to read the server log (`the daily backup FAILED`) and docs/operations.md (Backups), fix the cause (a full disk, a missing folder, a damaged database), then run `npm run dandang -- backup --daily`.',
  'sec.backup.recoveredTitle': '✅ The daily backup succeeded after a failure',
  'sec.backup.recoveredBody': 'The backup of {day} succeeded at {last}, after {attempts} failed attempt(s).',
  'sec.reads.header': 'Who opened the records of {name}',
  'sec.reads.none': 'Nobody but {name} has opened their records.',
  'sec.reads.line': '{at} · {who} · {what}',
  'sec.reads.record': 'their record (/review mine)',
  'sec.reads.cases': 'the open-case list, with case #{id}',
  'sec.reads.dossier': 'the dossier of case #{id}',
  'sec.reads.reads': 'this list of reads',
  'sec.reads.files': 'the files of {record}',
  'sec.reads.operator': 'the operator (command line)',
  'sec.reads.latest': 'The latest {n}, newest first. Every read is in the signed audit log.',
  'sec.reads.hrOnly': 'Only HR can see who opened someone’s records.',
  'sec.reads.usage': 'Usage: /dandang audit @person',
  'sec.export.title': 'Everything Dandang has recorded about you ({date})',
  'sec.export.queued': 'Your export is on its way to your DM as {filename}.',
  'sec.export.already': 'Today’s export is already in your DM. You can ask for a new one tomorrow.',
  'sec.export.about':
    'Everything Dandang has recorded about you that you can see in /review mine: your profile, KPIs, reviews with their amendments, shared notes and agreed actions, training, job adjustments, your responses and your leave. Not included: notes a manager keeps private, dismissal case files and early warnings; ask HR for those (PIPL Art. 45, GDPR Art. 15).',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'sec.checkpoint.header': '审计日志检查点 · {day}',
  'sec.checkpoint.body': '{day} 审计日志共有 **{rows}** 条记录，链头哈希为：',
  'sec.checkpoint.keep': '请保留此消息：数据库无法修改它。日后若有人改写、截断或回滚日志，以下校验将失败：',
  'sec.checkpoint.command': 'npm run dandang -- audit verify --anchor {rows}:{hash}',
  'sec.checkpoint.unsigned': '此检查点未签名：请设置 DANDANG_AUDIT_KEY，以防日志被重新计算哈希。',
  'sec.backup.failedTitle': '⚠️ 每日备份失败',
  'sec.backup.failedBody':
    '{day} 的备份失败（已尝试 {attempts} 次，最近一次在 {last}）。机器人照常运行，每小时重试一次；在备份成功之前，最新的可用备份早于今天。',
  'sec.backup.failedNext':
    '请联系 Dandang 的运维人员查看服务器日志（`the daily backup FAILED`）和 docs/operations.md（备份一节），排除原因（磁盘已满、目录不存在、数据库损坏）后运行 `npm run dandang -- backup --daily`。',
  'sec.backup.recoveredTitle': '✅ 每日备份在失败后已成功',
  'sec.backup.recoveredBody': '{day} 的备份已于 {last} 成功，此前失败 {attempts} 次。',
  'sec.reads.header': '谁查看过{name}的记录',
  'sec.reads.none': '除{name}本人外，尚无人查看过其记录。',
  'sec.reads.line': '{at} · {who} · {what}',
  'sec.reads.record': '个人记录（/review mine）',
  'sec.reads.cases': '进行中案件列表（含案件 #{id}）',
  'sec.reads.dossier': '案件 #{id} 的证据材料',
  'sec.reads.reads': '本查阅记录',
  'sec.reads.files': '{record}的附件',
  'sec.reads.operator': '服务器操作员（命令行）',
  'sec.reads.latest': '按时间倒序显示最近 {n} 条。每次查阅都记录在已签名的审计日志中。',
  'sec.reads.hrOnly': '只有 HR 可以查看谁查阅过他人的记录。',
  'sec.reads.usage': '用法：/dandang audit @某人',
  'sec.export.title': '担当中关于你的全部记录（{date}）',
  'sec.export.queued': '导出文件 {filename} 即将发送到你的私信。',
  'sec.export.already': '今天的导出文件已发送到你的私信，明天可以再次导出。',
  'sec.export.about':
    '担当中记录的、你在 /review mine 中可以看到的全部内容：个人资料、KPI、考核及其更正、共享的沟通记录和约定事项、培训、调岗、你的回应以及休假记录。不包括：经理的私人笔记、解除劳动合同案件材料和预警；如需这些内容，请联系 HR（《个人信息保护法》第四十五条，GDPR 第十五条）。',
};
