/**
 * The zip archive (an .xlsx) inside bytes as a platform received them: Slack's upload URL gets the
 * file as a multipart form, so the archive is cut out from its local header to the end of its
 * central directory record.
 */
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

export function zipIn(data: Buffer): Buffer {
  const start = data.indexOf(LOCAL_HEADER);
  const eocd = data.lastIndexOf(END_OF_DIRECTORY);
  if (start < 0 || eocd < start) throw new Error('no zip archive in these bytes');
  // The record is 22 bytes and a comment whose length is its last field.
  return data.subarray(start, eocd + 22 + data.readUInt16LE(eocd + 20));
}
