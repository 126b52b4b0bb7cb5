/**
 * The audit log's integrity rules: a hash chain, anchored by signatures and checkpoints.
 *
 * - Each row's hash covers the previous row's hash and its own content (the chain).
 * - With DANDANG_AUDIT_KEY, each row carries an HMAC of its id and hash, and a signed head records
 *   the last id, the number of rows ever written and the head hash. Without the key nobody can
 *   forge a row, re-hash a rewrite or move the head.
 * - Daily checkpoints (signed, and posted to the HR channel) pin the head at a point in time.
 *
 * `verifyAudit` walks the rows once (streaming) and reports every kind of problem it finds; which
 * mechanism catches which kind of tampering is tabled in docs/security.md.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The fields of an audit row that its hash covers. */
export interface AuditContent {
  at: number;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The audit action of the row that records a checkpoint; its detail must match the checkpoint. */
export const CHECKPOINT_ACTION = 'audit.checkpoint';

/** hash = sha256(prevHash ‖ canonical JSON of the content). Field order is fixed here. */
export function auditHash(prevHash: string, c: AuditContent): string {
  const canonical = JSON.stringify([c.at, c.actorId, c.action, c.subjectType, c.subjectId, c.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * The sha256 of each sensitive text an entry is about. The chain then proves what the text was
 * (anyone holding the text can check it) without holding it, and verifying needs no data key.
 */
export function textDigests(text: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(text).map(([k, v]) => [k, createHash('sha256').update(v, 'utf8').digest('hex')]),
  );
}

export interface AuditRow extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
  mac: string | null;
}

/** The signed head: written with every row, so deleting rows from the end shows. */
export interface AuditHead {
  lastId: number;
  /** Rows ever written. It only grows: it is carried forward, never recounted from the table. */
  rows: number;
  hash: string;
  mac: string | null;
}

export interface AuditCheckpoint {
  id: number;
  day: string;
  at: number;
  uptoId: number;
  rowCount: number;
  headHash: string;
  mac: string | null;
}

/** What an `audit.checkpoint` row's detail says about its checkpoint. */
export interface CheckpointDetail {
  checkpointId: number;
  uptoId: number;
  rows: number;
  head: string;
}

const hmac = (key: Buffer, parts: (string | number)[]) =>
  createHmac('sha256', key).update(parts.join('\n')).digest('hex');

export const rowMac = (key: Buffer, id: number, hash: string) => hmac(key, ['row', id, hash]);
export const headMac = (key: Buffer, h: Omit<AuditHead, 'mac'>) => hmac(key, ['head', h.lastId, h.rows, h.hash]);
export const checkpointMac = (key: Buffer, c: Omit<AuditCheckpoint, 'mac'>) =>
  hmac(key, ['checkpoint', c.id, c.day, c.at, c.uptoId, c.rowCount, c.headHash]);

const sameMac = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export type AuditProblemKind =
  | 'chain' // a link or a content hash is wrong, or ids jump
  | 'signature' // a row's MAC is wrong (forged, re-hashed, moved)
  | 'unsigned' // a row, the head or a checkpoint has no MAC although the log is signed
  | 'head' // the signed head disagrees with the table (rows deleted from the end)
  | 'sequence' // SQLite allocated ids beyond the last row (rows deleted from the end)
  | 'checkpoint' // a checkpoint is forged, missing, or no longer matches the chain
  | 'anchor' // the published head given with --anchor is not in the chain
  | 'empty'; // records exist but the audit log is empty

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The first row concerned, when there is one ("at row N: message"). */
  rowId: number | null;
  message: string;
}

export interface AuditVerifyInput {
  /** Every row, in id order. Read once. */
  rows: Iterable<AuditRow>;
  head: AuditHead | null;
  checkpoints: readonly AuditCheckpoint[];
  /** DANDANG_AUDIT_KEY; without it signatures are not checked (the chain and counts still are). */
  key: Buffer | null;
  /** The highest id SQLite ever allocated to the log (sqlite_sequence), or null. */
  lastAllocatedId: number | null;
  /** How many records (people, reviews, notes, cases) the database holds: they were all audited. */
  records: number;
  /** A head published earlier (the HR channel's checkpoint message, a dossier): rows and hash. */
  anchor?: { rows: number; hash: string } | null;
}

export interface AuditVerification {
  rows: number;
  lastId: number;
  head: string;
  /** Whether signatures were checked (a key was given). */
  signed: boolean;
  checkpoints: number;
  problems: AuditProblem[];
}

/** At most this many problems of one kind are listed; the rest are counted in one line. */
const PER_KIND = 5;

export function verifyAudit(input: AuditVerifyInput): AuditVerification {
  const { key } = input;
  const problems: AuditProblem[] = [];
  const perKind = new Map<AuditProblemKind, number>();
  const report = (kind: AuditProblemKind, rowId: number | null, message: string) => {
    const n = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, n);
    if (n <= PER_KIND) problems.push({ kind, rowId, message });
  };

  const checkpointsByRow = new Map<number, AuditCheckpoint[]>();
  for (const c of input.checkpoints) checkpointsByRow.set(c.uptoId, [...(checkpointsByRow.get(c.uptoId) ?? []), c]);
  const checkpointsById = new Map(input.checkpoints.map((c) => [c.id, c]));
  const seenCheckpoints = new Set<number>();

  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  let anchorSeen = false;
  for (const row of input.rows) {
    count++;
    if (row.id !== lastId + 1)
      report(
        'chain',
        row.id,
        lastId === 0
          ? `the log starts at row ${row.id}: rows 1–${row.id - 1} were deleted`
          : `row ids jump from ${lastId} to ${row.id}: ${row.id - lastId - 1} row(s) were deleted`,
      );
    if (row.prevHash !== prev) report('chain', row.id, 'prev_hash does not match the previous row');
    if (auditHash(row.prevHash, row) !== row.hash) report('chain', row.id, 'content does not match its hash');
    if (key) {
      if (!row.mac) report('unsigned', row.id, 'no signature (forged, or written without the key)');
      else if (!sameMac(row.mac, rowMac(key, row.id, row.hash)))
        report('signature', row.id, 'signature does not match (forged, re-hashed or moved)');
    }
    if (row.action === CHECKPOINT_ACTION) {
      const d = parseCheckpointDetail(row.detail);
      const c = d ? checkpointsById.get(d.checkpointId) : undefined;
      if (!d || !c || c.uptoId !== d.uptoId || c.rowCount !== d.rows || c.headHash !== d.head)
        report('checkpoint', row.id, `records checkpoint ${d?.checkpointId ?? '?'}, which is missing or altered`);
    }
    for (const c of checkpointsByRow.get(row.id) ?? []) {
      seenCheckpoints.add(c.id);
      if (c.headHash !== row.hash || c.rowCount !== count)
        report(
          'checkpoint',
          row.id,
          `checkpoint of ${c.day} says ${c.rowCount} rows with head ${c.headHash.slice(0, 16)}… at row ${c.uptoId}; ` +
            `the log has ${count} rows with head ${row.hash.slice(0, 16)}… there`,
        );
    }
    if (input.anchor && count === input.anchor.rows) {
      anchorSeen = true;
      if (row.hash !== input.anchor.hash)
        report('anchor', row.id, `the published head for ${input.anchor.rows} rows is not this row's hash`);
    }
    prev = row.hash;
    lastId = row.id;
  }

  for (const c of input.checkpoints) {
    if (key) {
      if (!c.mac) report('unsigned', c.uptoId, `checkpoint of ${c.day} has no signature`);
      else if (!sameMac(c.mac, checkpointMac(key, c)))
        report('checkpoint', c.uptoId, `checkpoint of ${c.day}: signature does not match (forged or altered)`);
    }
    if (!seenCheckpoints.has(c.id))
      report('checkpoint', c.uptoId, `checkpoint of ${c.day} covers row ${c.uptoId}, which is no longer in the log`);
  }

  const head = input.head;
  if (head) {
    if (key) {
      if (!head.mac) report('unsigned', head.lastId, 'the head has no signature');
      else if (!sameMac(head.mac, headMac(key, head)))
        report('head', head.lastId, 'the head signature does not match (the head was rewritten)');
    }
    if (head.rows !== count || head.lastId !== lastId || head.hash !== prev)
      report(
        'head',
        Math.min(head.lastId, lastId + 1) || null,
        head.rows > count
          ? `the head says ${head.rows} rows up to row ${head.lastId}; the log has ${count} up to row ${lastId}: ${head.rows - count} row(s) were deleted`
          : `the head (${head.rows} rows up to row ${head.lastId}) does not match the log (${count} rows up to row ${lastId})`,
      );
  } else if (count > 0 && key) {
    report('head', null, 'the signed head is missing (deleted): rows may have been removed from the end');
  }

  if (input.lastAllocatedId !== null && input.lastAllocatedId > lastId)
    report(
      'sequence',
      lastId + 1,
      `ids up to ${input.lastAllocatedId} were used but the last row is ${lastId}: rows were deleted from the end`,
    );
  if (count === 0 && input.records > 0)
    report('empty', null, `the audit log is empty but the database holds ${input.records} records that were audited`);
  if (input.anchor && !anchorSeen)
    report('anchor', null, `the published head for ${input.anchor.rows} rows is beyond the log's ${count} rows`);

  for (const [kind, n] of perKind)
    if (n > PER_KIND) problems.push({ kind, rowId: null, message: `… and ${n - PER_KIND} more ${kind} problem(s)` });
  return { rows: count, lastId, head: prev, signed: !!key, checkpoints: input.checkpoints.length, problems };
}

function parseCheckpointDetail(detail: string): CheckpointDetail | null {
  try {
    const d = JSON.parse(detail) as Partial<CheckpointDetail>;
    return typeof d.checkpointId === 'number' &&
      typeof d.uptoId === 'number' &&
      typeof d.rows === 'number' &&
      typeof d.head === 'string'
      ? (d as CheckpointDetail)
      : null;
  } catch {
    return null;
  }
}

/** Walks rows in id order; returns the first row whose link or hash is wrong, or null (chain only). */
export function findFirstBrokenRow(rows: Iterable<AuditRow>): { id: number; reason: string } | null {
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== prev) return { id: row.id, reason: 'prev_hash does not match the previous row' };
    if (auditHash(row.prevHash, row) !== row.hash) return { id: row.id, reason: 'content does not match its hash' };
    prev = row.hash;
  }
  return null;
}
