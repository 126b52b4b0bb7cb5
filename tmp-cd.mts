import { makeWorkCalendar } from './src/domain/calendar.ts';
const cn = makeWorkCalendar('CN');
console.log(['2027-01-01','2027-02-05','2027-02-08','2027-02-09','2027-02-12','2027-02-15','2027-10-01','2027-10-04','2026-02-14'].map(d=>d+':'+cn.isWorkday(d)).join(' '));
