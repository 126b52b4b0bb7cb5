/** A small org for the Feishu round trips: HR, a manager and one report with KPIs. */
import { addPeople, person, type FeishuHarness } from './harness.js';

/** How a Chinese company configures Dandang: messages built by use cases follow `locale`. */
export const CONFIG = 'timezone: Asia/Shanghai\nlocale: zh-CN\nhrChannel:\n  feishu: oc_hr\n';
export const count = (h: FeishuHarness, table: string) =>
  (h.db.conn.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

export function seedOrg(h: FeishuHarness): void {
  h.db.store.tx((tx) => {
    tx.org.upsertJob({ id: 'sdr', title: '销售代表', duties: '电话拓客', requirements: '' });
    tx.org.replaceKpis('sdr', [
      { key: 'calls', name: '日均电话', unit: '通', target: 40, direction: 'higher' },
      { key: 'churn', name: '流失客户', unit: '个', target: 2, direction: 'lower' },
    ]);
  });
  addPeople(h, [
    person({ id: 'hana', name: '韩娜', role: 'hr', department: 'hr' }),
    person({ id: 'm1', name: '王经理', department: 'leads' }),
    person({ id: 'zw', name: '张伟', managerId: 'm1', department: 'eng', jobId: 'sdr' }),
  ]);
}
