/**
 * Parses jobs.yml into job profiles with KPIs. Problems name the YAML path and, from the yaml
 * package's node ranges, the line, so HR can jump straight to the mistake.
 */
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { kpiBounds, type Kpi } from '../../../domain/kpi.js';
import type { T } from '../../../ui/i18n/index.js';
import { textIssue, type ImportIssue } from './issues.js';
import { MAX_KPIS_PER_JOB, type TextKind } from '../../../domain/text.js';

/** A list of bullet points is accepted for prose fields and stored as "- item" lines. */
const prose = z
  .union([z.string(), z.array(z.string())], 'write text, or a list of lines')
  .transform((v) => (Array.isArray(v) ? v.map((l) => `- ${l}`).join('\n') : v.trim()))
  .default('');

const kpiSchema = z
  .object({
    key: z
      .string('required: a short key such as revenue')
      .regex(/^[a-z][a-z0-9_]*$/, 'use lowercase letters, digits and _, e.g. units_per_hour'),
    name: z.string('required: the name people see').min(1, 'required: the name people see'),
    unit: z.union([z.string(), z.number().transform(String)]).default(''),
    target: z.number('required: a number, e.g. 120 (no units or quotes)'),
    direction: z.enum(['higher', 'lower'], 'use higher (more is better) or lower (less is better)'),
    /**
     * The figures a review may record. Left out: 0 to 100 for a unit of %, else 0 to 1,000 times the
     * target (src/domain/kpi.ts). A KPI that can be negative (a margin, a change) declares `min`.
     */
    min: z.number('a number, e.g. -50 (no units or quotes)').optional(),
    max: z.number('a number, e.g. 150 (no units or quotes)').optional(),
    /** `feed`: the figure comes from a data feed (docs/kpi-feeds.md); `manual` (the default): typed. */
    source: z
      .enum(['manual', 'feed'], 'use feed (the figure comes from a data feed) or manual (typed by the manager)')
      .optional()
      .transform((s) => (s === 'feed' ? ('feed' as const) : undefined)),
  })
  .superRefine((k, ctx) => {
    const { min, max } = kpiBounds(k);
    if (min >= max) ctx.addIssue({ code: 'custom', path: ['max'], message: `max must be above min (${min})` });
    else if (k.target < min || k.target > max)
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: `the target must lie from ${min} to ${max} (set min or max)`,
      });
  });

const jobSchema = z.object({
  id: z
    .union([z.string(), z.number().transform(String)], 'required: the id people.csv uses in its job column')
    .pipe(z.string().min(1, 'required')),
  title: z.string('required: the job title').min(1, 'required: the job title'),
  duties: prose,
  requirements: prose,
  kpis: z.array(kpiSchema, 'a list of KPIs (key, name, unit, target, direction)').default([]),
});

const fileSchema = z.object({ jobs: z.array(jobSchema, 'a top-level "jobs:" list').min(1, 'list at least one job') });

export interface JobSpec {
  id: string;
  title: string;
  duties: string;
  requirements: string;
  kpis: Kpi[];
}

/** The line of the deepest node that exists along `path` (a missing key points at its parent). */
function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');

export function parseJobsYaml(text: string, t: T): { jobs: JobSpec[]; issues: ImportIssue[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    return {
      jobs: [],
      issues: doc.errors.map((e) => ({
        line: counter.linePos(e.pos[0]).line,
        field: '',
        message: t('import.badYaml', { detail: e.message.split('\n')[0] ?? '' }),
      })),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (e) {
    // Aliases that expand without bound (a "billion laughs" file): the yaml library stops them here.
    return {
      jobs: [],
      issues: [{ line: 1, field: '', message: t('import.badYaml', { detail: (e as Error).message }) }],
    };
  }
  const parsed = fileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    return {
      jobs: [],
      issues: parsed.error.issues.map((i) => ({
        line: lineOf(doc, counter, i.path),
        field: pathText(i.path) || 'jobs',
        message: i.message,
      })),
    };
  }
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  parsed.data.jobs.forEach((job, j) => {
    if (seen.has(job.id))
      issues.push({
        line: lineOf(doc, counter, ['jobs', j, 'id']),
        field: `jobs[${j}].id`,
        message: t('import.duplicateJob', { value: job.id }),
      });
    seen.add(job.id);
    const at = (...path: (string | number)[]) => ({
      line: lineOf(doc, counter, ['jobs', j, ...path]),
      field: pathText(['jobs', j, ...path]),
    });
    const text = (value: string, kind: TextKind, ...path: (string | number)[]) => {
      const { line, field } = at(...path);
      issues.push(...textIssue(t, line, field, value, kind));
    };
    text(job.id, 'id', 'id');
    text(job.title, 'name', 'title');
    text(job.duties, 'long', 'duties');
    text(job.requirements, 'long', 'requirements');
    // Every screen that lists a job's KPIs is held to this many (src/domain/text.ts).
    if (job.kpis.length > MAX_KPIS_PER_JOB)
      issues.push({
        ...at('kpis'),
        message: t('import.tooManyKpis', { count: job.kpis.length, max: MAX_KPIS_PER_JOB }),
      });
    job.kpis.forEach((k, i) => {
      text(k.key, 'id', 'kpis', i, 'key');
      text(k.name, 'name', 'kpis', i, 'name');
      text(k.unit, 'unit', 'kpis', i, 'unit');
    });
    const keys = new Set<string>();
    job.kpis.forEach((k, i) => {
      if (keys.has(k.key))
        issues.push({
          line: lineOf(doc, counter, ['jobs', j, 'kpis', i, 'key']),
          field: `jobs[${j}].kpis[${i}].key`,
          message: t('import.duplicateKpi', { value: k.key }),
        });
      keys.add(k.key);
    });
  });
  return { jobs: parsed.data.jobs, issues };
}
