import { inflateSync } from 'node:zlib';
import { InvalidFileError, UnsafeFileError } from './errors.ts';
import { decodeName, type PdfDictionary, PdfReader, type PdfValue } from './pdf-syntax.ts';

/*
 * What a PDF must be to be kept (`checkPdf`), and why each rule:
 *
 * 1. Structure. `%PDF-x.y` at the very start; `%%EOF` in its last 1024 bytes (where readers
 *    look for it); a `startxref` before it pointing at a cross-reference table (`xref`) or
 *    stream (an object); at least one object. A file that only opens like a PDF (the attack
 *    was `%PDF-` and then a web page) fails here.
 * 2. No web page in it. HTML tags (`<html`, `<script`, `<iframe`, …) in the PDF's own syntax,
 *    or `<html`/`<script` anywhere, stream data included: a PDF that also reads as HTML is a
 *    polyglot meant for whatever renders it as a page.
 * 3. Nothing that runs or carries other files: the names `/JavaScript` (JavaScript actions and
 *    the document's script tree), `/JS`, `/Launch` (starts a program), `/EmbeddedFile(s)`
 *    (attachments), `/RichMedia` and `/Rendition` (media with scripts), `/XFA` (forms with
 *    scripts). An `/OpenAction` or link is fine unless it is one of these. Names are read with
 *    their `#xx` escapes decoded. Dictionaries packed into compressed object streams are
 *    inflated and read too; an object stream that cannot be (another filter than Flate,
 *    encrypted, or past INFLATE_BUDGET) is refused as uncheckable: a receipt or a scan never
 *    needs one, and a bank's "protected" statement without object streams still passes.
 *
 * Long names are looked for in every byte, stream data included: a reader jumps straight to an
 * object at the offset the cross-reference gives, even one planted inside another stream's
 * data. `/JS` is only looked for outside stream data (and in object streams): three bytes turn
 * up by chance in a few megabytes of compressed image, and a script action needs the name
 * `/JavaScript` too, which is looked for everywhere.
 */

const DAMAGED = 'The PDF file is damaged';
const HAS_ACTIVE_CONTENT = 'PDF files with scripts, attachments or embedded media are not accepted';
const CARRIES_HTML = 'The PDF file carries web page code and is not accepted';
const UNCHECKABLE =
  'The PDF file cannot be checked (it is encrypted or packed in an unusual way): save or print it as a new PDF';

/** ISO 32000 readers look for the end-of-file marker in the last 1024 bytes. */
const TAIL_BYTES = 1024;
/** Object streams of a receipt hold kilobytes; this bounds a decompression bomb's cost. */
const INFLATE_BUDGET = 32 * 1024 * 1024;

const FORBIDDEN_ANYWHERE = new Set([
  'JavaScript',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'Rendition',
  'XFA',
]);
const FORBIDDEN_IN_SYNTAX = new Set([...FORBIDDEN_ANYWHERE, 'JS']);

/**
 * Names that could be one of the above: letters, or `#xx` escapes, up to the longest of them.
 * Other names (most `/`s in binary data start one) are never decoded, which keeps this fast.
 */
const NAME = /\/((?:[A-Za-z]|#[0-9A-Fa-f]{2}){2,13})(?![^\0\t\n\f\r ()<>[\]{}/%])/g;
const HTML_IN_SYNTAX =
  /<(?:!doctype|html|head|body|script|iframe|frame|frameset|object|embed|svg|img|meta|link|style|form|base)[\s>/]/i;
const HTML_ANYWHERE = /<(?:html|script)[\s>/]/i;
/** An object's header, `12 0 obj`; bounded repeats so no input makes the search quadratic. */
const OBJECT_HEADER =
  /(?<![0-9])[0-9]{1,10}[\0\t\n\f\r ]{1,8}[0-9]{1,5}[\0\t\n\f\r ]{1,8}obj(?![^\0\t\n\f\r ()<>[\]{}/%])/g;

interface Stream {
  dictionary: PdfDictionary;
  /** The stream's data, from after the `stream` line to `endstream`. */
  start: number;
  end: number;
}

/** Throws `InvalidFileError` or `UnsafeFileError` unless `bytes` is a PDF by the rules above. */
export function checkPdf(bytes: Buffer): void {
  const text = bytes.toString('latin1');
  checkFrame(text);
  const { streams, objectCount } = readObjects(text);
  if (objectCount === 0) throw new InvalidFileError(DAMAGED);
  const topLevel = streams.filter((stream) => stream.topLevel);
  checkNoHtml(text, topLevel);
  checkNames(text, topLevel);
  let budget = INFLATE_BUDGET;
  for (const stream of streams) {
    if (!isObjectStream(stream.dictionary)) continue;
    const contents = objectStreamContents(bytes, stream, budget);
    budget -= contents.length;
    if (namesIn(contents).some((name) => FORBIDDEN_IN_SYNTAX.has(name))) {
      throw new UnsafeFileError(HAS_ACTIVE_CONTENT);
    }
  }
}

/** Header, end-of-file marker and the cross-reference pointer before it. */
function checkFrame(text: string): void {
  if (!/^%PDF-[12]\.\d/.test(text)) throw new InvalidFileError(DAMAGED);
  const tailStart = Math.max(0, text.length - TAIL_BYTES);
  const eof = text.lastIndexOf('%%EOF');
  if (eof < tailStart) throw new InvalidFileError(DAMAGED);
  const pointer = /startxref[\0\t\n\f\r ]+(\d{1,10})[\0\t\n\f\r ]*$/.exec(
    text.slice(Math.max(0, eof - 64), eof),
  );
  const offset = pointer ? Number(pointer[1]) : Number.NaN;
  if (!(offset < text.length)) throw new InvalidFileError(DAMAGED);
  const target = text.slice(offset, offset + 32);
  if (!/^[\0\t\n\f\r ]*(xref|\d{1,10}[\0\t\n\f\r ]+\d{1,5}[\0\t\n\f\r ]+obj)/.test(target)) {
    throw new InvalidFileError(DAMAGED);
  }
}

/**
 * Every object with a stream, wherever its header stands: the top-level ones in order, and any
 * planted inside another's data (`topLevel` false), since a reader may be pointed at those too.
 * A top-level object whose value does not read is damaged; an apparent header inside another
 * object (in its data, or a string) that does not read is only chance.
 */
function readObjects(text: string): { streams: (Stream & { topLevel: boolean })[]; objectCount: number } {
  const budget = { left: 4 * text.length + 1024 * 1024 };
  const streams: (Stream & { topLevel: boolean })[] = [];
  let objectCount = 0;
  let objectEnd = 0;
  for (const header of text.matchAll(OBJECT_HEADER)) {
    const topLevel = header.index >= objectEnd;
    let object: ObjectBody | undefined;
    try {
      object = readObjectBody(text, header.index + header[0].length, budget);
    } catch (error) {
      if (topLevel || budget.left < 0) throw error;
    }
    if (!object) continue;
    if (topLevel) {
      objectCount += 1;
      objectEnd = object.end;
    }
    if (object.stream) streams.push({ ...object.stream, topLevel });
  }
  return { streams, objectCount };
}

interface ObjectBody {
  stream: Stream | undefined;
  /** Where the object's value, or its stream's data, ends. */
  end: number;
}

/** The object's value at `at`, and the stream it is the dictionary of, if there is one. */
function readObjectBody(text: string, at: number, budget: { left: number }): ObjectBody {
  const reader = new PdfReader(text, at, budget);
  const value = reader.value();
  const valueEnd = reader.offset;
  if (!(value instanceof Map)) return { stream: undefined, end: valueEnd };
  reader.skipSpace();
  if (!reader.atKeyword('stream')) return { stream: undefined, end: valueEnd };
  reader.skip('stream'.length);
  // The keyword's line ends with CRLF or LF (a lone CR too, from careless writers).
  let start = reader.offset;
  if (text.startsWith('\r\n', start)) start += 2;
  else if (text[start] === '\n' || text[start] === '\r') start += 1;
  const length = value.get('Length');
  if (
    typeof length === 'number' &&
    Number.isInteger(length) &&
    length >= 0 &&
    start + length <= text.length
  ) {
    const after = /^[\0\t\n\f\r ]*endstream/.exec(text.slice(start + length, start + length + 40));
    if (after) return { stream: { dictionary: value, start, end: start + length }, end: start + length };
  }
  // No usable /Length (indirect, or wrong): readers take the data up to `endstream`, so do we.
  const end = text.indexOf('endstream', start);
  if (end === -1) throw new InvalidFileError(DAMAGED);
  // The search is work like reading: data that hides many stream headers cannot make it quadratic.
  budget.left -= end - start;
  if (budget.left < 0) throw new InvalidFileError(DAMAGED);
  return { stream: { dictionary: value, start, end }, end };
}

function checkNoHtml(text: string, streams: readonly Stream[]): void {
  if (HTML_ANYWHERE.test(text)) throw new UnsafeFileError(CARRIES_HTML);
  for (const part of outsideStreams(text, streams)) {
    if (HTML_IN_SYNTAX.test(part)) throw new UnsafeFileError(CARRIES_HTML);
  }
}

function checkNames(text: string, streams: readonly Stream[]): void {
  let next = 0;
  for (const match of text.matchAll(NAME)) {
    const at = match.index;
    while (next < streams.length && streams[next]!.end <= at) next += 1;
    const inData = next < streams.length && streams[next]!.start <= at;
    const forbidden = inData ? FORBIDDEN_ANYWHERE : FORBIDDEN_IN_SYNTAX;
    if (forbidden.has(decodeName(match[1]!))) throw new UnsafeFileError(HAS_ACTIVE_CONTENT);
  }
}

/** The file's text between the streams' data, where its objects are written out. */
function outsideStreams(text: string, streams: readonly Stream[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const { start, end } of streams) {
    parts.push(text.slice(from, start));
    from = end;
  }
  parts.push(text.slice(from));
  return parts;
}

function namesIn(text: string): string[] {
  return [...text.matchAll(NAME)].map((match) => decodeName(match[1]!));
}

/**
 * A stream readers would take objects from: typed `/ObjStm`, or (for pdf.js, which does not
 * ask the type) with the `/First` offset an object stream has.
 */
function isObjectStream(dictionary: PdfDictionary): boolean {
  return isName(dictionary.get('Type'), 'ObjStm') || dictionary.has('First');
}

/** An object stream's text: as it stands, or inflated when Flate-compressed without a predictor. */
function objectStreamContents(bytes: Buffer, { dictionary, start, end }: Stream, budget: number): string {
  const data = bytes.subarray(start, end);
  const filters = asList(dictionary.get('Filter') ?? dictionary.get('F'));
  const parameters = asList(dictionary.get('DecodeParms') ?? dictionary.get('DP'));
  const predicted = parameters.some(
    (entry) =>
      entry instanceof Map && typeof entry.get('Predictor') === 'number' && entry.get('Predictor') !== 1,
  );
  if (filters.length === 0) return data.toString('latin1');
  if (filters.length > 1 || predicted || !(isName(filters[0], 'FlateDecode') || isName(filters[0], 'Fl'))) {
    throw new UnsafeFileError(UNCHECKABLE);
  }
  try {
    return inflateSync(data, { maxOutputLength: Math.max(budget, 1) }).toString('latin1');
  } catch {
    throw new UnsafeFileError(UNCHECKABLE);
  }
}

const asList = (value: PdfValue | undefined): PdfValue[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

function isName(value: PdfValue | undefined, name: string): boolean {
  return typeof value === 'object' && value !== null && 'name' in value && value.name === name;
}
