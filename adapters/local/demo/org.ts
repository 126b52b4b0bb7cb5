/**
 * The demo organisation: three teams with real KPIs, HR and an admin. Names mix Chinese and
 * English, and so do locales, so both catalogs show up in the workspace. A job is written in the
 * language of the team that holds it: the warehouse's in Chinese, sales' and support's in English.
 */
import type { Kpi, Locale, Person } from '../../../src/ports/records.js';

export interface DemoJob {
  id: string;
  title: string;
  duties: string;
  requirements: string;
  kpis: Kpi[];
}

export const DEMO_JOBS: DemoJob[] = [
  {
    id: 'sales-rep',
    title: 'Sales representative',
    duties: 'Win and grow accounts in the assigned territory; keep the CRM up to date.',
    requirements: 'Two years of B2B sales; fluent Mandarin and English.',
    kpis: [
      { key: 'revenue', name: 'Sales revenue', unit: 'k CNY', target: 200, direction: 'higher' },
      // A count needs no unit: its name says what is counted (no "1 accounts" in any language).
      { key: 'new_accounts', name: 'New accounts', unit: '', target: 3, direction: 'higher' },
    ],
  },
  {
    // The warehouse team reads Chinese (王磊 and most of his reports): its job is written in Chinese.
    id: 'warehouse-associate',
    title: '仓库操作员',
    duties: '安全、准确地完成订单的拣货、包装和发货。',
    requirements: '持有叉车证；会使用仓储管理系统（WMS）。',
    kpis: [
      { key: 'units_per_hour', name: '每小时拣货件数', unit: '件/小时', target: 120, direction: 'higher' },
      { key: 'pick_accuracy', name: '拣货准确率', unit: '%', target: 99.5, direction: 'higher' },
    ],
  },
  {
    id: 'support-agent',
    title: 'Customer support agent',
    duties: 'Resolve customer tickets by chat, mail and phone.',
    requirements: 'Clear writing; product knowledge within three months.',
    kpis: [
      { key: 'resolution_hours', name: 'Ticket resolution time', unit: 'h', target: 8, direction: 'lower' },
      { key: 'csat', name: 'Customer satisfaction', unit: '%', target: 90, direction: 'higher' },
    ],
  },
];

/** How a report's weekly results are generated: the demo's characters. */
export type Profile = 'strong' | 'steady' | 'mixed' | 'missing' | 'ranked-last';

export interface DemoPerson extends Pick<
  Person,
  'id' | 'name' | 'email' | 'managerId' | 'department' | 'jobId' | 'role'
> {
  locale: Locale;
  timezone: string;
  hireDate: string;
  monthlyWage: number;
  profile?: Profile;
}

/** Demo people's emails use this domain; `demo reset` refuses a database with anyone else in it. */
export const DEMO_EMAIL_DOMAIN = 'demo.dandang.local';

const p = (d: Omit<DemoPerson, 'email'>): DemoPerson => ({ ...d, email: `${d.id}@${DEMO_EMAIL_DOMAIN}` });

export const DEMO_PEOPLE: DemoPerson[] = [
  p({
    id: 'oliver',
    name: 'Oliver Brown',
    managerId: null,
    department: 'People',
    jobId: null,
    role: 'admin',
    locale: 'en',
    timezone: 'Asia/Shanghai',
    hireDate: '2019-03-01',
    monthlyWage: 42000,
  }),
  p({
    id: 'chenjing',
    name: '陈静',
    managerId: null,
    department: 'People',
    jobId: null,
    role: 'hr',
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    hireDate: '2020-06-15',
    monthlyWage: 26000,
  }),
  p({
    id: 'lina',
    name: 'Li Na',
    managerId: null,
    department: 'Sales',
    jobId: null,
    role: 'employee',
    locale: 'en',
    timezone: 'Asia/Shanghai',
    hireDate: '2018-09-01',
    monthlyWage: 35000,
  }),
  p({
    id: 'wanglei',
    name: '王磊',
    managerId: null,
    department: 'Warehouse',
    jobId: null,
    role: 'employee',
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    hireDate: '2017-04-10',
    monthlyWage: 24000,
  }),
  p({
    id: 'emily',
    name: 'Emily Zhang',
    managerId: null,
    department: 'Support',
    jobId: null,
    role: 'employee',
    locale: 'en',
    timezone: 'Asia/Shanghai',
    hireDate: '2021-01-04',
    monthlyWage: 28000,
  }),
  p({
    id: 'alice',
    name: 'Alice Wang',
    managerId: 'lina',
    department: 'Sales',
    jobId: 'sales-rep',
    role: 'employee',
    locale: 'en',
    timezone: 'Asia/Shanghai',
    hireDate: '2022-03-01',
    monthlyWage: 18000,
    profile: 'strong',
  }),
  p({
    id: 'zhangwei',
    name: '张伟',
    managerId: 'lina',
    department: 'Sales',
    jobId: 'sales-rep',
    role: 'employee',
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    hireDate: '2021-07-12',
    monthlyWage: 16000,
    profile: 'missing',
  }),
  p({
    id: 'ben',
    name: 'Ben Carter',
    managerId: 'lina',
    department: 'Sales',
    jobId: 'sales-rep',
    role: 'employee',
    locale: 'en',
    timezone: 'Asia/Shanghai',
    hireDate: '2023-02-20',
    monthlyWage: 15000,
    profile: 'ranked-last',
  }),
  p({
    id: 'liuyang',
    name: '刘洋',
    managerId: 'wanglei',
    department: 'Warehouse',
    jobId: 'warehouse-associate',
    role: 'employee',
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    hireDate: '2020-11-02',
    monthlyWage: 9000,
    profile: 'steady',
  }),
  p({
    id: 'maria',
    name: 'Maria Garcia',
    managerId: 'wanglei',
    department: 'Warehouse',
    jobId: 'warehouse-associate',
    role: 'employee',
    locale: 'en',
    timezone: 'Asia/Shanghai',
    hireDate: '2022-08-15',
    monthlyWage: 9500,
    profile: 'strong',
  }),
  p({
    id: 'huangmin',
    name: '黄敏',
    managerId: 'wanglei',
    department: 'Warehouse',
    jobId: 'warehouse-associate',
    role: 'employee',
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    hireDate: '2023-05-08',
    monthlyWage: 8800,
    profile: 'mixed',
  }),
  p({
    id: 'tom',
    name: 'Tom Baker',
    managerId: 'emily',
    department: 'Support',
    jobId: 'support-agent',
    role: 'employee',
    locale: 'en',
    timezone: 'Asia/Shanghai',
    hireDate: '2022-10-10',
    monthlyWage: 12000,
    profile: 'mixed',
  }),
  p({
    id: 'sunli',
    name: '孙丽',
    managerId: 'emily',
    department: 'Support',
    jobId: 'support-agent',
    role: 'employee',
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    hireDate: '2021-12-01',
    monthlyWage: 12500,
    profile: 'steady',
  }),
  p({
    id: 'priya',
    name: 'Priya Patel',
    managerId: 'emily',
    department: 'Support',
    jobId: 'support-agent',
    role: 'employee',
    locale: 'en',
    timezone: 'Asia/Shanghai',
    hireDate: '2024-04-01',
    monthlyWage: 11000,
    profile: 'strong',
  }),
];

export function toPersonRecord(d: DemoPerson): Person {
  return {
    id: d.id,
    name: d.name,
    email: d.email,
    managerId: d.managerId,
    department: d.department,
    jobId: d.jobId,
    role: d.role,
    slackId: null,
    feishuOpenId: null,
    locale: d.locale,
    timezone: d.timezone,
    hireDate: d.hireDate,
    teamChannelSlack: null,
    teamChannelFeishu: null,
    monthlyWage: d.monthlyWage,
    // The demo's payroll has last month's wage too (pay in lieu of notice, 实施条例 Art. 20).
    previousMonthWage: d.monthlyWage,
    active: true,
  };
}
