/** Reading a PNG back as pixels, to check what a chart really looks like. */
import { decode } from 'fast-png';

export interface Pixels {
  width: number;
  height: number;
  /** Luminance 0 (black) … 255 (white) of (x, y). */
  lum(x: number, y: number): number;
  /** RGB of (x, y) as "#rrggbb". */
  hex(x: number, y: number): string;
}

export function readPng(png: Uint8Array): Pixels {
  const img = decode(png);
  const ch = img.channels;
  const at = (x: number, y: number) => (y * img.width + x) * ch;
  const rgb = (x: number, y: number) => {
    const i = at(x, y);
    return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!] as const;
  };
  return {
    width: img.width,
    height: img.height,
    lum: (x, y) => {
      const [r, g, b] = rgb(x, y);
      return 0.299 * r + 0.587 * g + 0.114 * b;
    },
    hex: (x, y) =>
      `#${rgb(x, y)
        .map((v) => v.toString(16).padStart(2, '0'))
        .join('')}`,
  };
}

/** Share of pixels that are not white. */
export function inkShare(p: Pixels): number {
  let ink = 0;
  for (let y = 0; y < p.height; y++) for (let x = 0; x < p.width; x++) if (p.lum(x, y) < 250) ink++;
  return ink / (p.width * p.height);
}

/**
 * The glyph shapes drawn in a box: columns with dark pixels are split into runs at blank columns,
 * and each run's bitmap (cropped to its ink) is one shape. Tofu, the box a renderer draws for a
 * character its font lacks, is the same shape for every character, so distinct real glyphs give
 * many shapes and tofu gives one.
 */
export function glyphShapes(p: Pixels, box: { x0: number; y0: number; x1: number; y1: number }): string[] {
  const dark = (x: number, y: number) => p.lum(x, y) < 150;
  const inkColumn = (x: number) => {
    for (let y = box.y0; y < box.y1; y++) if (dark(x, y)) return true;
    return false;
  };
  const shapes: string[] = [];
  for (let x = box.x0; x < box.x1; x++) {
    if (!inkColumn(x)) continue;
    const start = x;
    while (x < box.x1 && inkColumn(x)) x++;
    const rows: string[] = [];
    for (let y = box.y0; y < box.y1; y++) {
      let row = '';
      for (let cx = start; cx < x; cx++) row += dark(cx, y) ? '#' : '.';
      rows.push(row);
    }
    while (rows.length && !rows[0]!.includes('#')) rows.shift();
    while (rows.length && !rows.at(-1)!.includes('#')) rows.pop();
    shapes.push(rows.join('\n'));
  }
  return shapes;
}
