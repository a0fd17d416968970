import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendPiece, type BytePieces, lengthOf, piecesAfter } from '../src/byte-pieces.ts';

const bytes = Buffer.from('0123456789', 'latin1');
const text = (pieces: readonly Buffer[]) => pieces.map((piece) => piece.toString('latin1'));

test('views that continue each other in memory become one piece; others stay apart', () => {
  const pieces: BytePieces = [bytes.subarray(0, 2)];
  appendPiece(pieces, bytes.subarray(2, 5));
  appendPiece(pieces, bytes.subarray(7, 9)); // 5 and 6 dropped
  appendPiece(pieces, Buffer.from('9', 'latin1')); // same bytes, other memory
  assert.deepEqual(text(pieces), ['01234', '78', '9']);
  assert.equal(pieces[0]!.buffer, bytes.buffer, 'no copy was made');
  assert.equal(lengthOf(pieces), 8);
});

test('after a short write, what is left starts at the first byte not written', () => {
  const pieces = [Buffer.from('abc'), Buffer.from('de'), Buffer.from('fgh')];
  assert.deepEqual(text(piecesAfter(pieces, 0)), ['abc', 'de', 'fgh']);
  assert.deepEqual(text(piecesAfter(pieces, 3)), ['de', 'fgh']);
  assert.deepEqual(text(piecesAfter(pieces, 4)), ['e', 'fgh']);
  assert.deepEqual(text(piecesAfter(pieces, 8)), []);
});
