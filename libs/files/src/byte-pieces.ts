/**
 * A file's bytes as views of the buffer they arrived in, in order, instead of one fresh copy:
 * a stripped photo is mostly the photo as sent, and every copy of a 200 KB upload is memory the
 * garbage collector has to account for. Hashing, encrypting and writing take the pieces as they are.
 */
export type BytePieces = Buffer[];

/** Adds `piece` after the others; a view that continues the last one in memory extends it instead. */
export function appendPiece(pieces: BytePieces, piece: Buffer): void {
  const last = pieces.at(-1);
  if (
    last !== undefined &&
    last.buffer === piece.buffer &&
    last.byteOffset + last.length === piece.byteOffset
  ) {
    pieces[pieces.length - 1] = Buffer.from(last.buffer, last.byteOffset, last.length + piece.length);
  } else {
    pieces.push(piece);
  }
}

export const lengthOf = (pieces: readonly Uint8Array[]): number =>
  pieces.reduce((total, piece) => total + piece.byteLength, 0);

/** What is left of `pieces` once their first `count` bytes are consumed (by a short write, say). */
export function piecesAfter(pieces: readonly Buffer[], count: number): Buffer[] {
  let skipped = 0;
  for (const [index, piece] of pieces.entries()) {
    if (skipped + piece.length > count) return [piece.subarray(count - skipped), ...pieces.slice(index + 1)];
    skipped += piece.length;
  }
  return [];
}
