/**
 * Encryption at rest of the sensitive text columns (AES-256-GCM, node:crypto).
 *
 * A sealed value is stored as a BLOB: version byte, 4-byte key id, 12-byte random nonce, ciphertext,
 * 16-byte tag. The column's `table.column` name is the additional authenticated data, so a sealed
 * value copied into another column does not open. Plaintext values stay TEXT, so SQLite's own type
 * tells the two apart (`typeof(col)`): rows written before a key was configured keep working, and
 * `keys rotate` seals them. An empty string stays empty (it says nothing).
 *
 * Columns declared with `sealedText` carry the branded `Sealed` type: drizzle accepts only what
 * `Sealer.seal` returns and hands back values that must go through `Sealer.open`, so a repository
 * cannot forget either side.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { getTableName, is } from 'drizzle-orm';
import {
  customType,
  getTableConfig,
  SQLiteCustomColumn,
  SQLiteTable,
  type SQLiteColumn,
} from 'drizzle-orm/sqlite-core';

declare const sealedBrand: unique symbol;
/** What a sealed column holds: plaintext (TEXT) or a sealed BLOB. Only `Sealer` makes or reads one. */
export type Sealed = (string | Buffer) & { readonly [sealedBrand]: true };

/** A TEXT column whose values are sealed when a data key is configured. The DDL stays `text`. */
export const sealedText = customType<{ data: Sealed; driverData: string | Buffer }>({
  dataType: () => 'text',
});

const VERSION = 1;
const ID_BYTES = 4;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = 1 + ID_BYTES + NONCE_BYTES;

export interface DataKey {
  /** 8 hex characters derived from the key, stored with every value it seals. */
  id: string;
  key: Buffer;
}

/** The key id is derived from the key (HMAC), so nobody has to name keys and a wrong key is named. */
export function dataKeyOf(key: Buffer): DataKey {
  if (key.length !== 32) throw new Error('a data key is 32 bytes');
  return {
    id: createHmac('sha256', key)
      .update('dandang data key id')
      .digest('hex')
      .slice(0, ID_BYTES * 2),
    key,
  };
}

export class SealedValueError extends Error {
  override name = 'SealedValueError';
}

/** Seal and open the values of one column. */
export interface ColumnSealer {
  seal(text: string): Sealed;
  seal(text: string | null): Sealed | null;
  open(value: Sealed): string;
  open(value: Sealed | null): string | null;
}

/** The same for a column that holds JSON (a case event's detail, an outbox payload). */
export interface JsonColumnSealer {
  seal(value: unknown): Sealed;
  open<T = unknown>(value: Sealed): T;
}

export interface Sealer {
  /** The key new values are sealed with; null when no DANDANG_DATA_KEY is set (values stay plaintext). */
  readonly keyId: string | null;
  /** Every key id this sealer can open: the current key and DANDANG_DATA_KEY_OLD. */
  readonly keyIds: readonly string[];
  column(column: SQLiteColumn): ColumnSealer;
  json(column: SQLiteColumn): JsonColumnSealer;
  /** The key id a stored value was sealed with, or null for plaintext. */
  keyIdOf(value: unknown): string | null;
  /**
   * Seals and opens bytes (a stored evidence file) in the same format, `aad` naming what they are.
   * `seal` returns null when no data key is configured: the caller keeps them plaintext.
   */
  bytes(aad: string): { seal(bytes: Uint8Array): Buffer | null; open(sealed: Uint8Array): Buffer };
}

const columnName = (column: SQLiteColumn) => `${getTableName(column.table)}.${column.name}`;

export function makeSealer(current: Buffer | null, old: readonly Buffer[] = []): Sealer {
  const sealWith = current ? dataKeyOf(current) : null;
  const keys = new Map<string, DataKey>();
  for (const k of [...(sealWith ? [sealWith] : []), ...old.map(dataKeyOf)]) keys.set(k.id, k);

  const isSealed = (v: unknown): v is Buffer => Buffer.isBuffer(v) || v instanceof Uint8Array;

  function sealRaw(key: DataKey, aad: string, plain: Uint8Array): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key.key, nonce);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), Buffer.from(key.id, 'hex'), nonce, body, cipher.getAuthTag()]);
  }

  function sealText(aad: string, text: string): Sealed {
    if (!sealWith || text === '') return text as Sealed;
    return sealRaw(sealWith, aad, Buffer.from(text, 'utf8')) as Sealed;
  }

  function openText(aad: string, value: unknown): string {
    if (!isSealed(value)) return String(value);
    return openRaw(aad, value).toString('utf8');
  }

  function openRaw(aad: string, value: Uint8Array): Buffer {
    const buf = Buffer.from(value);
    if (buf.length < HEADER + TAG_BYTES || buf[0] !== VERSION)
      throw new SealedValueError(`${aad}: a stored value is not in the sealed format`);
    const id = buf.subarray(1, 1 + ID_BYTES).toString('hex');
    const key = keys.get(id);
    if (!key)
      throw new SealedValueError(
        `${aad}: a value is sealed with data key ${id}, which is not configured. ` +
          `Set DANDANG_DATA_KEY to that key (or list it in DANDANG_DATA_KEY_OLD).`,
      );
    const decipher = createDecipheriv('aes-256-gcm', key.key, buf.subarray(1 + ID_BYTES, HEADER));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(buf.subarray(HEADER, buf.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new SealedValueError(
        `${aad}: a sealed value failed authentication (altered, or moved from another column)`,
      );
    }
  }

  return {
    keyId: sealWith?.id ?? null,
    keyIds: [...keys.keys()],
    column(column) {
      const aad = columnName(column);
      return {
        seal: ((text: string | null) => (text === null ? null : sealText(aad, text))) as ColumnSealer['seal'],
        open: ((value: Sealed | null) => (value === null ? null : openText(aad, value))) as ColumnSealer['open'],
      };
    },
    json(column) {
      const aad = columnName(column);
      return {
        seal: (value) => sealText(aad, JSON.stringify(value)),
        open: <T>(value: Sealed) => JSON.parse(openText(aad, value)) as T,
      };
    },
    bytes: (aad) => ({
      seal: (plain) => (sealWith ? sealRaw(sealWith, aad, plain) : null),
      open: (sealed) => openRaw(aad, sealed),
    }),
    keyIdOf: (value) =>
      isSealed(value) && value.length > 1 + ID_BYTES
        ? Buffer.from(value)
            .subarray(1, 1 + ID_BYTES)
            .toString('hex')
        : null,
  };
}

/** A sealer without keys: writes plaintext, and names the key a sealed value needs. */
export const plaintextSealer: Sealer = makeSealer(null);

/** Every sealed column of the schema, found by type, for `keys rotate` and the start-up checks. */
export function sealedColumns(schema: Record<string, unknown>): { table: string; column: SQLiteColumn }[] {
  const out: { table: string; column: SQLiteColumn }[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const config = getTableConfig(value);
    for (const column of config.columns) if (is(column, SQLiteCustomColumn)) out.push({ table: config.name, column });
  }
  return out;
}
