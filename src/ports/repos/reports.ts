/**
 * Set-based reads for the HR dashboard and the 《绩效报表》 (issue 15). Read-only: every figure is
 * computed from these in the domain (src/domain/dashboard), so a report never changes anything.
 */
import type { SlotFact } from '../../domain/dashboard/index.js';
import type { AckState } from '../records.js';
import type { KpiResult } from './reviews.js';

/** One KPI result of a review submitted in the period, with the job it was measured against. */
export interface KpiResultFact {
  jobId: string;
  jobTitle: string;
  actual: number;
  target: number;
  direction: 'higher' | 'lower';
}

/** A review slot of one period with what the performance report shows about it. */
export interface PerformanceSlot {
  department: string;
  employeeId: string;
  employeeName: string;
  jobTitle: string;
  dueAt: number;
  submittedAt: number | null;
  rating: number | null;
  results: KpiResult[];
  /** The employee's response to the review, if any. */
  response: AckState | null;
}

export interface ReportRepo {
  /** Departments that have people, A–Z. */
  departments(): string[];
  /** Review slots of the cycles whose period starts within [from, to] (calendar dates). */
  slotFacts(from: string, to: string, department?: string): SlotFact[];
  /** KPI results of reviews submitted in [from, to) (epoch ms). */
  kpiResults(from: number, to: number, department?: string): KpiResultFact[];
  /** When each dispute (of anything) was recorded, within [from, to). */
  disputeTimes(from: number, to: number, department?: string): number[];
  /** The slots of the cycles labelled `period` ("2026-W49"), with their reviews and responses. */
  performanceSlots(period: string, department?: string): PerformanceSlot[];
}
