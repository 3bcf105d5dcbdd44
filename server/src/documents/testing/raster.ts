import zlib from "node:zlib";

/**
 * Just enough raster handling to compare glyphs: read pdftoppm's PGM and hb-view's PNG as 8-bit
 * grey (0 = ink, 255 = paper), crop, find the ink's bounding box, scale it to a fixed square and
 * measure how far two such masks agree. No image library: the formats needed here are small.
 */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Binary PGM (P5, maxval 255), what `pdftoppm -gray` writes. */
export function readPgm(file: Buffer): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 64).toString("latin1"));
  if (header?.[3] !== "255") throw new Error("not an 8-bit binary PGM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = header[0].length;
  return { width, height, data: new Uint8Array(file.subarray(start, start + width * height)) };
}

const channelsByColorType: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** 8-bit, non-interlaced PNG (grey, grey+alpha, RGB, RGBA) → grey, alpha composed over white. */
export function readPng(file: Buffer): Gray {
  let at = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (at < file.length) {
    const length = file.readUInt32BE(at);
    const type = file.toString("latin1", at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error("only 8-bit non-interlaced PNG is read");
      colorType = body[9] ?? 0;
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const channels = channelsByColorType[colorType];
  if (!channels) throw new Error(`PNG colour type ${colorType} is not read`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) unfilter(raw, y, stride, channels, pixels);
  const data = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    const grey =
      channels >= 3
        ? 0.299 * (pixels[p] ?? 0) + 0.587 * (pixels[p + 1] ?? 0) + 0.114 * (pixels[p + 2] ?? 0)
        : (pixels[p] ?? 0);
    const alpha = channels === 2 || channels === 4 ? (pixels[p + channels - 1] ?? 255) / 255 : 1;
    data[i] = Math.round(grey * alpha + 255 * (1 - alpha));
  }
  return { width, height, data };
}

function unfilter(raw: Buffer, y: number, stride: number, bpp: number, out: Uint8Array): void {
  const filter = raw[y * (stride + 1)];
  const src = y * (stride + 1) + 1;
  const row = y * stride;
  const prev = row - stride;
  for (let x = 0; x < stride; x++) {
    const a = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
    const b = y > 0 ? (out[prev + x] ?? 0) : 0;
    const c = x >= bpp && y > 0 ? (out[prev + x - bpp] ?? 0) : 0;
    const value = raw[src + x] ?? 0;
    let predicted = 0;
    if (filter === 1) predicted = a;
    else if (filter === 2) predicted = b;
    else if (filter === 3) predicted = (a + b) >> 1;
    else if (filter === 4) {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    out[row + x] = (value + predicted) & 0xff;
  }
}

export function crop(image: Gray, box: Box): Gray {
  const x0 = Math.max(0, Math.round(box.x));
  const y0 = Math.max(0, Math.round(box.y));
  const width = Math.min(image.width - x0, Math.round(box.width));
  const height = Math.min(image.height - y0, Math.round(box.height));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    data.set(
      image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width),
      y * width,
    );
  return { width, height, data };
}

/** The bounding box of the ink (pixels darker than mid-grey), or null for an empty cell. */
function inkBox(image: Gray, threshold = 128): Box | null {
  let minX = image.width;
  let minY = image.height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if ((image.data[y * image.width + x] ?? 255) < threshold) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/**
 * The glyph's ink, cropped to its bounding box and scaled (area average) to size × size cells, each
 * the share of ink in it (0 to 1). Two renderings of the same glyph by different rasterisers land
 * on (almost) the same grid; scaling to the box takes out position and size.
 */
export function inkGrid(image: Gray, size = 48): number[] {
  const box = inkBox(image);
  if (!box) return new Array<number>(size * size).fill(0);
  const grid: number[] = [];
  for (let cy = 0; cy < size; cy++)
    for (let cx = 0; cx < size; cx++) {
      const x0 = box.x + (cx * box.width) / size;
      const x1 = box.x + ((cx + 1) * box.width) / size;
      const y0 = box.y + (cy * box.height) / size;
      const y1 = box.y + ((cy + 1) * box.height) / size;
      let ink = 0;
      let area = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++)
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const w = (Math.min(x1, x + 1) - Math.max(x0, x)) * (Math.min(y1, y + 1) - Math.max(y0, y));
          ink += w * (1 - (image.data[y * image.width + x] ?? 255) / 255);
          area += w;
        }
      grid.push(area > 0 ? ink / area : 0);
    }
  return grid;
}

/**
 * Intersection over union of two grids' ink, with partial cells counted by their share (Σmin/Σmax,
 * which is the plain IoU for black-and-white cells): 1 for the same shape, lower the more they
 * differ. The share keeps anti-aliased stroke edges from flipping cells in or out.
 */
export function inkIoU(a: readonly number[], b: readonly number[]): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    both += Math.min(a[i] ?? 0, b[i] ?? 0);
    either += Math.max(a[i] ?? 0, b[i] ?? 0);
  }
  return either === 0 ? 1 : both / either;
}
