import { crc32, deflateSync } from "node:zlib";
import type { RunningServer } from "./server";

/**
 * Tiny valid images of any size, one flat colour each, written byte by byte so that the tests need
 * no image files and no encoder. Each decodes with the reference decoders (libpng, djpeg, dwebp).
 */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8-bit grey PNG. */
export function png(width: number, height: number, grey = 0x80): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, grey);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const segment = (marker: number, data: number[]): number[] => [0xff, marker, ((data.length + 2) >> 8) & 0xff, (data.length + 2) & 0xff, ...data];

/** An EXIF block that says how the image is turned (1 upright, 6 a quarter clockwise, …). */
const exifOrientation = (orientation: number): number[] => [
  ...Buffer.from("Exif\0\0", "latin1"),
  ...[0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08], // big-endian TIFF, first directory at 8
  ...[0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00], // one entry: Orientation
  ...[0x00, 0x00, 0x00, 0x00],
];

/**
 * A baseline grey JPEG: every block has a DC difference of 0 and ends at once, and each Huffman
 * table has that one symbol, with the one-bit code 0; so a block is two 0 bits.
 */
export function jpeg(width: number, height: number, orientation?: number): Buffer {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = Buffer.alloc(Math.ceil((blocks * 2) / 8), 0);
  const usedBits = (blocks * 2) % 8;
  if (usedBits) scan[scan.length - 1] = 0xff >> usedBits; // pad the last byte with 1 bits
  const oneSymbolTable = (tableClass: number): number[] => [tableClass << 4, 1, ...Array(15).fill(0), 0];
  return Buffer.from([
    0xff, 0xd8,
    ...(orientation ? segment(0xe1, exifOrientation(orientation)) : []),
    ...segment(0xdb, [0, ...Array(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, oneSymbolTable(0)),
    ...segment(0xc4, oneSymbolTable(1)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff, 0xd9,
  ]);
}

/** Writes bits least significant first, as VP8L reads them. */
class BitWriter {
  private readonly bytes: number[] = [];
  private bit = 0;

  write(value: number, count: number): this {
    for (let i = 0; i < count; i++, this.bit++) {
      if (this.bit % 8 === 0) this.bytes.push(0);
      if ((value >> i) & 1) this.bytes[this.bytes.length - 1] |= 1 << this.bit % 8;
    }
    return this;
  }

  get buffer(): Buffer {
    return Buffer.from(this.bytes);
  }
}

/**
 * A lossless WebP (VP8L) of one colour: no transforms, and each of the five prefix codes is a
 * "simple" code of one symbol, which takes no bits, so the pixels need no data at all.
 */
export function webp(width: number, height: number): Buffer {
  const bits = new BitWriter().write(0x2f, 8).write(width - 1, 14).write(height - 1, 14).write(0, 1).write(0, 3);
  bits.write(0, 1).write(0, 1).write(0, 1); // no transform, no colour cache, no meta prefix codes
  for (const symbol of [0x80, 0x40, 0x20, 0xff, 0]) bits.write(1, 1).write(0, 1).write(1, 1).write(symbol, 8); // green, red, blue, alpha, distance
  let data = bits.buffer;
  if (data.length % 2) data = Buffer.concat([data, Buffer.alloc(1)]);
  const chunk = Buffer.concat([Buffer.from("VP8L", "latin1"), Buffer.alloc(4), data]);
  chunk.writeUInt32LE(bits.buffer.length, 4);
  const riff = Buffer.concat([Buffer.from("RIFF", "latin1"), Buffer.alloc(4), Buffer.from("WEBP", "latin1"), chunk]);
  riff.writeUInt32LE(riff.length - 8, 4);
  return riff;
}

/** A GIF89a header: an image type the server does not take. */
export const gif = (): Buffer =>
  Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** Uploads `file` as the staff member whose session `token` is, as the admin panel does. */
export async function uploadImage(server: RunningServer, token: string, file: Buffer, alt: string): Promise<{ hash: string; url: string }> {
  const form = new FormData();
  form.append("alt", alt);
  form.append("file", new Blob([new Uint8Array(file)]), "figure");
  const response = await fetch(server.url.replace("/graphql", "/images"), {
    method: "POST",
    body: form,
    headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "true" },
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`upload refused (${response.status}): ${await response.text()}`);
  return (await response.json()) as { hash: string; url: string };
}
