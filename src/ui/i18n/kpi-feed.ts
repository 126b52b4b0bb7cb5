/** KPI data feeds: the messages of `kpi import` and POST /api/v1/kpi-actuals (one per failing row). */
export const en = {
  'feed.json.shape':
    'send a JSON object {"rows": [...]} (or a bare array) of rows with person_id, kpi_key, period, value and optionally source',
  'feed.json.failed': '{count} problem(s) in the rows; nothing was recorded',
  'feed.json.empty': 'no rows: send at least one',
  'feed.json.rowShape': 'each row must be an object with person_id, kpi_key, period, value and optionally source',
  'feed.json.unknownField': 'unknown field; a row has: {expected}',
  'feed.json.notText': 'must be text',
  'feed.personIdTooLong': 'too long for a person id',
  'feed.inactivePerson': '"{value}" is no longer active; figures are recorded only for people who hold a job now',
  'feed.noJob': '"{value}" holds no job, so no KPI applies; give them a job in people.csv first',
  'feed.unknownKpi': 'not a KPI of job {job}, the job this person holds; its KPIs are: {keys}',
  'feed.jobWithoutKpis': 'job {job}, the job this person holds, has no KPIs yet; import them with `jobs import` first',
  'feed.badPeriod':
    'not a review period; use a week such as 2026-W49, a fortnight such as 2026-W47/48, or a month such as 2026-12',
  'feed.futurePeriod': 'this period starts on {start}; a figure can be recorded only once its period has begun',
  'feed.notANumber': 'not a number; use digits only, e.g. 1234.5',
  'feed.outOfRange':
    "outside the KPI's range {min} to {max}{unit}; a KPI that can go beyond it says so with min/max in jobs.yml",
  'feed.badSource': 'name the source with 1 to 40 letters, digits, spaces or . _ : / - (e.g. erp, salesforce)',
  'feed.duplicateRow': 'the same person, KPI, period and source as line {other}; send each figure once',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'feed.json.shape':
    '请发送 JSON 对象 {"rows": [...]}（或直接发送数组），每行包含 person_id、kpi_key、period、value，source 可选',
  'feed.json.failed': '数据中有 {count} 个问题；未记录任何数据',
  'feed.json.empty': '没有任何行：请至少发送一行',
  'feed.json.rowShape': '每一行都必须是对象，包含 person_id、kpi_key、period、value，source 可选',
  'feed.json.unknownField': '未知字段；每行可包含：{expected}',
  'feed.json.notText': '必须是文本',
  'feed.personIdTooLong': '员工编号过长',
  'feed.inactivePerson': '“{value}”已不在职；只为当前在岗的员工记录数据',
  'feed.noJob': '“{value}”没有岗位，不适用任何 KPI；请先在 people.csv 中为其指定岗位',
  'feed.unknownKpi': '不是岗位 {job}（该员工当前岗位）的 KPI；该岗位的 KPI 为：{keys}',
  'feed.jobWithoutKpis': '岗位 {job}（该员工当前岗位）尚未设定 KPI；请先用 `jobs import` 导入',
  'feed.badPeriod': '不是考核周期；请使用周（如 2026-W49）、双周（如 2026-W47/48）或月（如 2026-12）',
  'feed.futurePeriod': '该周期从 {start} 开始；周期开始后才能记录数据',
  'feed.notANumber': '不是数字；请只用数字，例如 1234.5',
  'feed.outOfRange': '超出该 KPI 的范围 {min} 至 {max}{unit}；如确需超出，请在 jobs.yml 中设置 min/max',
  'feed.badSource': '来源名称请用 1 至 40 个字母、数字、空格或 . _ : / -（例如 erp、salesforce）',
  'feed.duplicateRow': '与第 {other} 行的员工、KPI、周期和来源相同；每个数据只发送一次',
};
