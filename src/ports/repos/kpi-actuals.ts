import type { KpiActualRow } from '../../domain/kpi-actual.js';

/** A stored feed figure: the row, when it was received, and by which door. */
export interface KpiActual extends KpiActualRow {
  recordedAt: number;
  via: 'csv' | 'api';
}

/** KPI figures from data feeds (db/schema/kpi-actuals.ts). */
export interface KpiActualRepo {
  /** The stored row with this identity (person, KPI, period, source), if any. */
  find(identity: Pick<KpiActualRow, 'personId' | 'kpiKey' | 'period' | 'source'>): KpiActual | null;
  /** Inserts the row, or replaces the figure, time and door of the one with its identity. */
  put(row: KpiActual): void;
  /** A person's figures for one period: per KPI key the newest received, whatever its source. */
  latestFor(personId: string, period: string): Map<string, KpiActual>;
}

/** KPI actuals, read only. The methods of `KpiActualRepo` that write; a read snapshot (`ReadTx`) leaves them out. Add each new writer here. */
export type KpiActualReader = Omit<KpiActualRepo, 'put'>;
