/**
 * A minimal codec for the long connection's `pbbp2.Frame` protobuf, written from the SDK's
 * generated encoder (field numbers below), so the fake server needs no protobuf dependency.
 *   Frame  { 1 SeqID uint64, 2 LogID uint64, 3 service int32, 4 method int32, 5 headers Header[],
 *            6 payloadEncoding string, 7 payloadType string, 8 payload bytes, 9 LogIDNew string }
 *   Header { 1 key string, 2 value string }
 * method 0 = control (ping/pong), 1 = data (event/card and their ACKs).
 */

export interface Frame {
  SeqID: number;
  LogID: number;
  service: number;
  method: number;
  headers: { key: string; value: string }[];
  payload?: Uint8Array;
}

export const FRAME_CONTROL = 0;
export const FRAME_DATA = 1;

function varint(n: number): number[] {
  const out: number[] = [];
  let v = BigInt(n);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

const tag = (field: number, wire: number) => varint((field << 3) | wire);
const bytesField = (field: number, bytes: Uint8Array) => [...tag(field, 2), ...varint(bytes.length), ...bytes];
const stringField = (field: number, s: string) => bytesField(field, new TextEncoder().encode(s));

export function encodeFrame(f: Frame): Buffer {
  const out: number[] = [
    ...tag(1, 0),
    ...varint(f.SeqID),
    ...tag(2, 0),
    ...varint(f.LogID),
    ...tag(3, 0),
    ...varint(f.service),
    ...tag(4, 0),
    ...varint(f.method),
  ];
  for (const h of f.headers)
    out.push(...bytesField(5, Uint8Array.from([...stringField(1, h.key), ...stringField(2, h.value)])));
  if (f.payload) out.push(...bytesField(8, f.payload));
  return Buffer.from(out);
}

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  get done() {
    return this.pos >= this.buf.length;
  }
  varint(): number {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return Number(result);
      shift += 7n;
    }
  }
  bytes(): Uint8Array {
    const len = this.varint();
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
}

export function decodeFrame(buf: Uint8Array): Frame {
  const r = new Reader(buf);
  const f: Frame = { SeqID: 0, LogID: 0, service: 0, method: 0, headers: [] };
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  while (!r.done) {
    const key = r.varint();
    const field = key >> 3;
    const wire = key & 7;
    if (field === 1 && wire === 0) f.SeqID = r.varint();
    else if (field === 2 && wire === 0) f.LogID = r.varint();
    else if (field === 3 && wire === 0) f.service = r.varint();
    else if (field === 4 && wire === 0) f.method = r.varint();
    else if (field === 5 && wire === 2) {
      const h = new Reader(r.bytes());
      const header = { key: '', value: '' };
      while (!h.done) {
        const k = h.varint();
        if (k >> 3 === 1) header.key = text(h.bytes());
        else if (k >> 3 === 2) header.value = text(h.bytes());
        else h.skip(k & 7);
      }
      f.headers.push(header);
    } else if (field === 8 && wire === 2) f.payload = Uint8Array.from(r.bytes());
    else r.skip(wire);
  }
  return f;
}

export const headerOf = (f: Frame, key: string) => f.headers.find((h) => h.key === key)?.value;
