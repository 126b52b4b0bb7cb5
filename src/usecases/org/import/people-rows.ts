/**
 * Turns people.csv records into Person values and checks the whole org before anything is
 * written: every problem is collected, so HR fixes the file in one pass.
 */
import type { Locale, Person, RetirementBasis, Role } from '../../../ports/records.js';
import type { T } from '../../../ui/i18n/index.js';
import type { CsvRecord } from './csv.js';
import { type ImportIssue, isValidTimezone, textIssue } from './issues.js';
import type { TextKind } from '../../../domain/text.js';
import { isIsoDate } from '../../../domain/dates.js';
import { isLocale } from '../../../domain/locale.js';

export const PEOPLE_COLUMNS = {
  required: [
    'id',
    'name',
    'email',
    'manager_id',
    'department',
    'job',
    'role',
    'slack_id',
    'feishu_open_id',
    'locale',
    'timezone',
    'hire_date',
    'team_channel_slack',
    'team_channel_feishu',
  ],
  /**
   * HR's columns: the 12-month average wage (N), the HR partner, the previous month's wage (pay in
   * lieu of notice), the birth date and the retirement basis (Art. 42(5): near statutory retirement).
   */
  optional: ['monthly_wage', 'hr_partner', 'previous_month_wage', 'birth_date', 'retirement_basis'],
} as const;

type OptionalFields = 'monthlyWage' | 'hrPartnerId' | 'previousMonthWage' | 'birthDate' | 'retirementBasis';

/** A person as the file states them; an optional field undefined means "column absent, keep what we have". */
export interface PersonRow {
  line: number;
  person: Omit<Person, 'active' | OptionalFields> & {
    monthlyWage: number | null | undefined;
    hrPartnerId: string | null | undefined;
    previousMonthWage: number | null | undefined;
    birthDate: string | null | undefined;
    retirementBasis: RetirementBasis | null | undefined;
  };
}

const RETIREMENT_BASES: readonly RetirementBasis[] = ['male_60', 'female_55', 'female_50'];

const ROLES: readonly Role[] = ['employee', 'hr', 'admin'];

/** What each column holds, for its length limit (src/domain/text.ts). */
const COLUMN_KINDS: readonly (readonly [string, TextKind])[] = [
  ['id', 'id'],
  ['name', 'name'],
  ['email', 'email'],
  ['manager_id', 'id'],
  ['department', 'name'],
  ['job', 'id'],
  ['role', 'id'],
  ['slack_id', 'id'],
  ['feishu_open_id', 'id'],
  ['locale', 'id'],
  ['timezone', 'id'],
  ['hire_date', 'id'],
  ['team_channel_slack', 'id'],
  ['team_channel_feishu', 'id'],
  ['monthly_wage', 'id'],
  ['hr_partner', 'id'],
];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function toPersonRows(
  records: CsvRecord[],
  /** Which optional columns the file has. */
  present: ReadonlySet<string>,
  jobIds: ReadonlySet<string>,
  t: T,
): { rows: PersonRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const rows: PersonRow[] = [];
  const knownJobs = [...jobIds].sort().join(', ') || '-';
  for (const { line, values: v } of records) {
    const issue = (field: string, message: string) => issues.push({ line, field, message });
    const opt = (k: string) => (v[k] ?? '').trim() || null;
    for (const k of ['id', 'name', 'email', 'department'] as const) if (!opt(k)) issue(k, t('import.required'));
    // Every column as written (untrimmed), held to its kind's length and characters.
    for (const [k, kind] of COLUMN_KINDS) issues.push(...textIssue(t, line, k, v[k], kind));
    const email = opt('email');
    if (email && !EMAIL.test(email)) issue('email', t('import.badEmail', { value: email }));
    const role = (opt('role') ?? 'employee') as Role;
    if (!ROLES.includes(role)) issue('role', t('import.badRole', { value: role }));
    const locale = opt('locale') as Locale | null;
    if (locale && !isLocale(locale)) issue('locale', t('import.badLocale', { value: locale }));
    const timezone = opt('timezone');
    if (timezone && !isValidTimezone(timezone)) issue('timezone', t('import.badTimezone', { value: timezone }));
    const hireDate = opt('hire_date');
    if (hireDate && !isIsoDate(hireDate)) issue('hire_date', t('import.badDate', { value: hireDate }));
    const jobId = opt('job');
    if (jobId && !jobIds.has(jobId)) issue('job', t('import.unknownJob', { value: jobId, known: knownJobs }));
    const money = (column: string): number | null | undefined => {
      if (!present.has(column)) return undefined;
      const raw = opt(column);
      const value = raw === null ? null : Number(raw);
      if (raw !== null && !(Number.isFinite(value) && (value as number) >= 0))
        issue(column, t('import.badNumber', { value: raw }));
      return value;
    };
    const monthlyWage = money('monthly_wage');
    const previousMonthWage = money('previous_month_wage');
    const birthDate = present.has('birth_date') ? opt('birth_date') : undefined;
    if (birthDate && !isIsoDate(birthDate)) issue('birth_date', t('import.badDate', { value: birthDate }));
    const basis = present.has('retirement_basis') ? opt('retirement_basis') : undefined;
    if (basis && !RETIREMENT_BASES.includes(basis as RetirementBasis))
      issue('retirement_basis', t('import.badRetirementBasis', { value: basis, known: RETIREMENT_BASES.join(', ') }));
    rows.push({
      line,
      person: {
        id: opt('id') ?? '',
        name: opt('name') ?? '',
        email: email ?? '',
        managerId: opt('manager_id'),
        department: opt('department') ?? '',
        jobId,
        role,
        slackId: opt('slack_id'),
        feishuOpenId: opt('feishu_open_id'),
        locale,
        timezone,
        hireDate,
        teamChannelSlack: opt('team_channel_slack'),
        teamChannelFeishu: opt('team_channel_feishu'),
        monthlyWage,
        // The HR business partner who hears of this person's disputes: the id of an HR row.
        hrPartnerId: present.has('hr_partner') ? opt('hr_partner') : undefined,
        previousMonthWage,
        birthDate,
        retirementBasis: basis as RetirementBasis | null | undefined,
      },
    });
  }
  return { rows, issues };
}

/** Checks across rows: unique ids, emails and chat ids, managers that exist, no loops, no email clash with people left out. */
export function checkOrg(rows: PersonRow[], existing: readonly Pick<Person, 'id' | 'email'>[], t: T): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const firstLine = new Map<string, number>();
  const unique = (kind: string, value: string | null, line: number, report: (other: number) => void) => {
    if (!value) return;
    const key = `${kind}:${value}`;
    const other = firstLine.get(key);
    if (other !== undefined) report(other);
    else firstLine.set(key, line);
  };
  for (const { line, person: p } of rows) {
    unique('id', p.id, line, (other) =>
      issues.push({ line, field: 'id', message: t('import.duplicateId', { value: p.id, other }) }),
    );
    unique('email', p.email.toLowerCase() || null, line, (other) =>
      issues.push({ line, field: 'email', message: t('import.duplicateEmail', { value: p.email, other }) }),
    );
    unique('slack', p.slackId, line, (other) =>
      issues.push({
        line,
        field: 'slack_id',
        message: t('import.duplicateChatId', { field: 'slack_id', value: p.slackId ?? '', other }),
      }),
    );
    unique('feishu', p.feishuOpenId, line, (other) =>
      issues.push({
        line,
        field: 'feishu_open_id',
        message: t('import.duplicateChatId', { field: 'feishu_open_id', value: p.feishuOpenId ?? '', other }),
      }),
    );
  }

  // Someone left out of the file keeps their row (inactive) and so their email.
  const inFile = new Set(rows.map((r) => r.person.id));
  const emailOwner = new Map(existing.filter((e) => !inFile.has(e.id)).map((e) => [e.email.toLowerCase(), e.id]));
  for (const { line, person: p } of rows) {
    const owner = emailOwner.get(p.email.toLowerCase());
    if (owner) issues.push({ line, field: 'email', message: t('import.emailTaken', { value: p.email, other: owner }) });
  }

  const byId = new Map(rows.map((r) => [r.person.id, r]));
  for (const { line, person: p } of rows) {
    if (!p.managerId) continue;
    if (p.managerId === p.id) issues.push({ line, field: 'manager_id', message: t('import.selfManager') });
    else if (!byId.has(p.managerId))
      issues.push({ line, field: 'manager_id', message: t('import.unknownManager', { value: p.managerId }) });
  }
  for (const { line, person: p } of rows) {
    if (!p.hrPartnerId) continue;
    const partner = byId.get(p.hrPartnerId);
    if (!partner || (partner.person.role !== 'hr' && partner.person.role !== 'admin'))
      issues.push({ line, field: 'hr_partner', message: t('import.badHrPartner', { value: p.hrPartnerId }) });
  }
  issues.push(...findCycles(rows, byId, t));
  return issues;
}

/** Each loop in the management chain, reported once, on the line of its first member in the file. */
function findCycles(rows: PersonRow[], byId: Map<string, PersonRow>, t: T): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const settled = new Set<string>(); // ids whose chain is known to end (or already reported)
  for (const start of rows) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | null = start.person.id;
    while (id && byId.has(id) && !settled.has(id) && !onPath.has(id)) {
      path.push(id);
      onPath.add(id);
      const managerId: string | null = byId.get(id)!.person.managerId;
      id = managerId === id ? null : managerId; // a self-manager is reported separately
    }
    if (id && onPath.has(id)) {
      const loop = path.slice(path.indexOf(id));
      const first = loop.map((m) => byId.get(m)!).sort((a, b) => a.line - b.line)[0]!;
      const from = loop.indexOf(first.person.id);
      const chain = [...loop.slice(from), ...loop.slice(0, from), first.person.id].join(' → ');
      issues.push({ line: first.line, field: 'manager_id', message: t('import.managerCycle', { chain }) });
    }
    for (const p of path) settled.add(p);
  }
  return issues;
}
