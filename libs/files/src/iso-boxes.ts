import { InvalidFileError } from './errors.ts';

/** One ISO BMFF box (HEIC is one): where it starts, where its contents start, where it ends. */
export interface Box {
  type: string;
  start: number;
  contentStart: number;
  end: number;
}

const DAMAGED = 'The HEIC file is damaged';

/** The boxes that tile `start`..`end` exactly; anything else means the file is damaged. */
export function readBoxes(bytes: Buffer, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  let offset = start;
  while (offset < end) {
    const reader = new ByteReader(bytes, offset, end);
    let size = reader.u32();
    const type = reader.fourCC();
    if (size === 1) size = reader.u64();
    else if (size === 0) size = end - offset; // "to the end of the file"
    if (type === 'uuid') reader.skip(16);
    const contentStart = reader.offset;
    if (size < contentStart - offset || offset + size > end) throw new InvalidFileError(DAMAGED);
    boxes.push({ type, start: offset, contentStart, end: offset + size });
    offset += size;
  }
  return boxes;
}

/**
 * Reads big-endian fields of a box one after another, never past its end: a field that
 * would cross it means the file is damaged, never an out-of-range read.
 */
export class ByteReader {
  readonly #bytes: Buffer;
  readonly #end: number;
  #offset: number;

  constructor(bytes: Buffer, start: number, end: number) {
    this.#bytes = bytes;
    this.#offset = start;
    this.#end = Math.min(end, bytes.length);
  }

  get offset(): number {
    return this.#offset;
  }

  u8(): number {
    return this.#bytes[this.#take(1)]!;
  }

  u16(): number {
    return this.#bytes.readUInt16BE(this.#take(2));
  }

  u32(): number {
    return this.#bytes.readUInt32BE(this.#take(4));
  }

  u64(): number {
    const value = this.#bytes.readBigUInt64BE(this.#take(8));
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new InvalidFileError(DAMAGED);
    return Number(value);
  }

  /** An unsigned field whose width (0, 4 or 8 bytes) the file itself declares; 0 reads as 0. */
  uint(size: number): number {
    if (size === 0) return 0;
    if (size === 4) return this.u32();
    if (size === 8) return this.u64();
    throw new InvalidFileError(DAMAGED);
  }

  fourCC(): string {
    const at = this.#take(4);
    return this.#bytes.toString('latin1', at, at + 4);
  }

  skip(count: number): void {
    this.#take(count);
  }

  #take(count: number): number {
    const at = this.#offset;
    if (at + count > this.#end) throw new InvalidFileError(DAMAGED);
    this.#offset = at + count;
    return at;
  }
}
