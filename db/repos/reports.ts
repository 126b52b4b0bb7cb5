/** Set-based reads for the HR dashboard and the performance report (src/ports/repos/reports.ts). */
import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import { acknowledgments, cycles, jobs, people, reviewKpiResults, reviewSlots, reviews } from '../schema/index.js';
import type { PerformanceSlot, ReportRepo } from '../../src/ports/repos/reports.js';
import { chunks, kpiResultsOf } from './kpi-results.js';

export function makeReportRepo(db: Db): ReportRepo {
  const managers = alias(people, 'managers');
  const employees = alias(people, 'employees');

  const resultsOf = (reviewIds: number[]) => kpiResultsOf(db, reviewIds);

  return {
    departments: () =>
      db
        .selectDistinct({ d: people.department })
        .from(people)
        .orderBy(asc(people.department))
        .all()
        .map((r) => r.d),

    slotFacts: (from, to, department) =>
      db
        .select({
          department: cycles.department,
          managerId: reviewSlots.managerId,
          managerName: managers.name,
          period: cycles.label,
          periodStart: cycles.periodStart,
          dueAt: reviewSlots.dueAt,
          submittedAt: reviews.submittedAt,
        })
        .from(reviewSlots)
        .innerJoin(cycles, eq(cycles.id, reviewSlots.cycleId))
        .innerJoin(managers, eq(managers.id, reviewSlots.managerId))
        .leftJoin(reviews, eq(reviews.slotId, reviewSlots.id))
        .where(
          and(
            gte(cycles.periodStart, from),
            lte(cycles.periodStart, to),
            department === undefined ? undefined : eq(cycles.department, department),
          ),
        )
        .orderBy(asc(cycles.periodStart), asc(reviewSlots.id))
        .all()
        .map((r) => ({ ...r, submittedAt: r.submittedAt ?? null })),

    kpiResults: (from, to, department) =>
      db
        .select({
          jobId: reviews.jobId,
          jobTitle: jobs.title,
          actual: reviewKpiResults.actual,
          target: reviewKpiResults.target,
          direction: reviewKpiResults.direction,
        })
        .from(reviewKpiResults)
        .innerJoin(reviews, eq(reviews.id, reviewKpiResults.reviewId))
        .innerJoin(jobs, eq(jobs.id, reviews.jobId))
        .innerJoin(employees, eq(employees.id, reviews.employeeId))
        .where(
          and(
            gte(reviews.submittedAt, from),
            lt(reviews.submittedAt, to),
            department === undefined ? undefined : eq(employees.department, department),
          ),
        )
        .all(),

    disputeTimes: (from, to, department) =>
      db
        .select({ at: acknowledgments.createdAt })
        .from(acknowledgments)
        .innerJoin(employees, eq(employees.id, acknowledgments.personId))
        .where(
          and(
            eq(acknowledgments.state, 'disputed'),
            gte(acknowledgments.createdAt, from),
            lt(acknowledgments.createdAt, to),
            department === undefined ? undefined : eq(employees.department, department),
          ),
        )
        .all()
        .map((r) => r.at),

    performanceSlots(period, department) {
      const slots = db
        .select({
          department: cycles.department,
          employeeId: reviewSlots.employeeId,
          employeeName: employees.name,
          jobTitle: jobs.title,
          dueAt: reviewSlots.dueAt,
          reviewId: reviews.id,
          submittedAt: reviews.submittedAt,
          rating: reviews.rating,
        })
        .from(reviewSlots)
        .innerJoin(cycles, eq(cycles.id, reviewSlots.cycleId))
        .innerJoin(employees, eq(employees.id, reviewSlots.employeeId))
        .leftJoin(reviews, eq(reviews.slotId, reviewSlots.id))
        // The job the review was measured against; the person's current job while none is written.
        .leftJoin(jobs, eq(jobs.id, sql`coalesce(${reviews.jobId}, ${employees.jobId})`))
        .where(and(eq(cycles.label, period), department === undefined ? undefined : eq(cycles.department, department)))
        .orderBy(asc(reviewSlots.id))
        .all();
      const reviewIds = slots.flatMap((s) => (s.reviewId === null ? [] : [s.reviewId]));
      const results = resultsOf(reviewIds);
      const responses = new Map<string, PerformanceSlot['response']>();
      for (const ids of chunks(reviewIds.map(String)))
        for (const a of db
          .select({
            subjectId: acknowledgments.subjectId,
            personId: acknowledgments.personId,
            state: acknowledgments.state,
          })
          .from(acknowledgments)
          .where(and(eq(acknowledgments.subjectType, 'review'), inArray(acknowledgments.subjectId, ids)))
          .all())
          responses.set(`${a.subjectId}:${a.personId}`, a.state);
      return slots.map((s) => ({
        department: s.department,
        employeeId: s.employeeId,
        employeeName: s.employeeName,
        jobTitle: s.jobTitle ?? '',
        dueAt: s.dueAt,
        submittedAt: s.submittedAt ?? null,
        rating: s.rating ?? null,
        results: s.reviewId === null ? [] : (results.get(s.reviewId) ?? []),
        response: s.reviewId === null ? null : (responses.get(`${s.reviewId}:${s.employeeId}`) ?? null),
      }));
    },
  };
}
