/**
 * The company's systems sending KPI figures (POST /api/v1/kpi-actuals, adapters/api/): the body
 * goes to the same use case as `kpi import`, so the API and the CSV accept and refuse the same rows.
 * The store may be busy with a CLI import: the write is retried after yielding, as the router does.
 */
import type { UseCaseDeps } from '../ports/deps.js';
import { retryWhileBusy } from '../ports/store.js';
import { makeRecordKpiActuals, type RecordKpiActualsReport } from '../usecases/review/record-kpi-actuals.js';
import { importIssues, type ImportIssue } from '../usecases/org/import/issues.js';
import type { Result } from '../usecases/result.js';

export type { RecordKpiActualsReport, ImportIssue };
export { importIssues };

export function makeKpiFeed(deps: UseCaseDeps): (body: unknown) => Promise<Result<RecordKpiActualsReport>> {
  const record = makeRecordKpiActuals(deps);
  return (body) => retryWhileBusy(() => record({ json: body }));
}
