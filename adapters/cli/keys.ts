/**
 * `keys generate | status | rotate`: make a key, count what each key sealed, and re-seal
 * everything under DANDANG_DATA_KEY (old keys listed in DANDANG_DATA_KEY_OLD). See docs/security.md.
 */
import { randomBytes } from 'node:crypto';
import { keyCensus, rotateDataKeys } from '../../db/keys.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliCommand } from './context.js';

export const USAGE_KEYS = 'Usage: npm run dandang -- keys generate | keys status | keys rotate';

export const keysCommand: CliCommand = async ([sub, ...rest], ctx) => {
  if (rest.length) sub = undefined;
  if (sub === 'generate') {
    ctx.out(randomBytes(32).toString('base64'));
    return EXIT_OK;
  }
  if (sub === 'status') {
    const { sealer } = ctx.conn;
    ctx.out(
      sealer.keyId
        ? `Sealing with data key ${sealer.keyId}; can also open: ${sealer.keyIds.filter((k) => k !== sealer.keyId).join(', ') || 'none'}.`
        : 'No DANDANG_DATA_KEY: new values are written in plaintext.',
    );
    for (const c of keyCensus(ctx.conn)) {
      const keys = Object.entries(c.byKey).map(([id, n]) => `${n} under ${id}`);
      ctx.out(`  ${c.column}: ${[`${c.plaintext} plaintext`, ...keys].join(', ')}`);
    }
    return EXIT_OK;
  }
  if (sub === 'rotate') {
    if (!ctx.conn.sealer.keyId) {
      ctx.err(
        'Set DANDANG_DATA_KEY to the new key (and DANDANG_DATA_KEY_OLD to the old ones, comma-separated) before keys rotate.',
      );
      return EXIT_USAGE;
    }
    const r = rotateDataKeys(ctx.conn, { onColumn: (column, n) => n && ctx.out(`  ${column}: ${n} value(s)`) });
    ctx.out(
      `Sealed ${r.sealed} plaintext value(s) and re-sealed ${r.resealed} under data key ${ctx.conn.sealer.keyId}.`,
    );
    ctx.store.tx((tx) =>
      tx.audit.record({
        actorId: null,
        action: 'keys.rotate',
        subjectType: 'data_key',
        subjectId: ctx.conn.sealer.keyId!,
        detail: { ...r },
      }),
    );
    if (r.remaining) {
      ctx.err(
        `${r.remaining} value(s) are still not under the new key (written meanwhile by a process with the old key). ` +
          'Restart every Dandang process with the new DANDANG_DATA_KEY and run keys rotate again.',
      );
      return EXIT_INVALID;
    }
    ctx.out('Every value is under the new key: DANDANG_DATA_KEY_OLD can be removed.');
    return EXIT_OK;
  }
  ctx.err(USAGE_KEYS);
  return EXIT_USAGE;
};
