/** The wording of the demo's dismissal history (demo content, not UI chrome). */
export function caseTexts() {
  return {
    strengths: '客户拜访准备充分，态度积极。',
    improvement: '每周二和我一起复盘商机漏斗，优先推进最大的两个机会。',
    feedback:
      '复盘近两周业绩：销售额分别为13.1万元，低于20万元的目标。张伟认为新客户开发周期较长；约定参加商务谈判培训，并每周复盘商机。',
    room: '3楼培训室',
    goal: '客户开发与商务谈判',
    content: '三次课程：客户需求挖掘、报价与谈判、商机漏斗管理；每次课后完成练习并由主管点评。',
    trainer: '销售学院（外部讲师）',
    expected: '培训结束后月度销售额达到20万元目标',
    reassessment: '培训后再次考核（对照销售额目标）',
    handbook: [
      { section: '3.1', title: '考勤与请假', body: '员工应按排班出勤；请假须事先在系统中申请并经直属经理批准。' },
      {
        section: '4.2',
        title: '如实报销',
        body: '员工报销费用须与真实发生的业务支出一致并附原始票据。伪造、变造票据或虚报费用的，属于严重违反公司规章制度。',
      },
      { section: '5.1', title: '客户信息保密', body: '员工不得向公司以外的任何人披露客户资料和报价。' },
    ],
    incident: '赵强提交的差旅报销单#A-1187所列酒店费用为4,860元，酒店出具的账单为1,620元，差额部分的票据系变造。',
    incidentEvidence: '报销单#A-1187及所附票据（财务部存档）；酒店2月份对账单及书面回函；财务部核对记录。',
    statement: '我以为可以把几次出差的住宿合并在一张单据里报销，没有故意多报。',
    misconductReason: '伪造报销票据（员工手册第4.2条）',
    mutualReason: '仓储岗位调整，经协商一致解除',
    release: (months: number, n: number) =>
      `经济补偿（N，${months}个月）：${n}\n未休年假工资（5天）：2252.87\n双方确认劳动关系解除后无其他争议`,
  };
}
