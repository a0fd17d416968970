import { crc32, deflateSync } from 'node:zlib';

/**
 * Small but well-formed files built by hand, each carrying a recognisable stand-in for the
 * location a phone writes, so a test can prove it is gone and the picture is not.
 */
export const GPS_MARKER = 'GPSLatitude 50.4501 N GPSLongitude 30.5234 E';

const text = (value: string) => Buffer.from(value, 'latin1');

/* ---------- JPEG ---------- */

/** DQT, SOF0, DHT and SOS with its compressed data: an 8×8 gradient as ImageMagick encoded it. */
export const JPEG_PICTURE = Buffer.from(
  'ffdb0043000302020302020303030304030304050805050404050a070706080c0a0c0c0b0a0b0b0d0e12100d0e110e0b0b101610' +
    '1113141515150c0f171816141812141514ffdb00430103040405040509050509140d0b0d14141414141414141414141414141414' +
    '14141414141414141414141414141414141414141414141414141414141414141414ffc000110800080008030111000211010311' +
    '01ffc40014000100000000000000000000000000000008ffc4001810000203000000000000000000000000000001166391ffc400' +
    '1501010100000000000000000000000000000708ffc400171100030100000000000000000000000000001763a1ffda000c030100' +
    '02110311003f00',
  'hex',
);
/** What follows the SOS header: the entropy-coded picture. */
export const JPEG_SCAN_DATA = Buffer.from('1b4fac5a38a3e5851ce1ae9f', 'hex');

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);

export function jpegSegment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

export const jfif = () =>
  jpegSegment(0xe0, Buffer.concat([text('JFIF\0'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])]));
export const iccProfile = () =>
  jpegSegment(0xe2, Buffer.concat([text('ICC_PROFILE\0'), Buffer.from([1, 1]), text('sRGB profile bytes')]));
export const adobe = () =>
  jpegSegment(0xee, Buffer.concat([text('Adobe'), Buffer.from([0, 100, 0, 0, 0, 0, 1])]));
/** APP1 Exif: a big-endian TIFF header, then the marker where a GPS IFD would be. */
export const exif = () =>
  jpegSegment(0xe1, Buffer.concat([text('Exif\0\0MM\0*\0\0\0\x08'), text(GPS_MARKER)]));
export const xmp = () =>
  jpegSegment(
    0xe1,
    text(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPS>${GPS_MARKER}</exif:GPS></x:xmpmeta>`),
  );
export const iptc = () => jpegSegment(0xed, text(`Photoshop 3.0\x008BIM${GPS_MARKER}`));
export const multiPicture = () => jpegSegment(0xe2, text(`MPF\0${GPS_MARKER}`));
export const comment = () => jpegSegment(0xfe, text(`taken at ${GPS_MARKER}`));

export interface JpegOptions {
  /** Compressed data after the SOS header; the real picture's by default. */
  scan?: Buffer;
  /** Bytes after EOI. */
  trailer?: Buffer;
}

/** SOI, the given segments, the picture's tables and scan, EOI, then the trailer. */
export function jpeg(
  segments: Buffer[] = [jfif()],
  { scan = JPEG_SCAN_DATA, trailer = Buffer.alloc(0) }: JpegOptions = {},
) {
  return Buffer.concat([SOI, ...segments, JPEG_PICTURE, scan, EOI, trailer]);
}

/* ---------- PNG ---------- */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** A 2×2 RGB picture: red, green / blue, white. */
export const PNG_HEADER = pngChunk('IHDR', Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]));
export const PNG_DATA = pngChunk(
  'IDAT',
  deflateSync(Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255])),
);
const PNG_END = pngChunk('IEND', Buffer.alloc(0));

export const pngText = () => pngChunk('tEXt', text(`Comment\0${GPS_MARKER}`));
export const pngCompressedText = () =>
  pngChunk('zTXt', Buffer.concat([text('Comment\0\0'), deflateSync(text(GPS_MARKER))]));
export const pngInternationalText = () => pngChunk('iTXt', text(`XML:com.adobe.xmp\0\0\0\0\0${GPS_MARKER}`));
export const pngExif = () => pngChunk('eXIf', text(`MM\0*\0\0\0\x08${GPS_MARKER}`));
export const pngTime = () => pngChunk('tIME', Buffer.from([0x07, 0xe9, 5, 17, 9, 30, 0]));
export const pngGamma = () => pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f]));

export function png(beforeData: Buffer[] = [], afterData: Buffer[] = [], trailer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([PNG_SIGNATURE, PNG_HEADER, ...beforeData, PNG_DATA, ...afterData, PNG_END, trailer]);
}

/* ---------- HEIC ---------- */

export interface Span {
  start: number;
  end: number;
}

export interface HeicOptions {
  ilocVersion?: 0 | 1 | 2;
  offsetSize?: 4 | 8;
  lengthSize?: 4 | 8;
  baseOffsetSize?: 0 | 4 | 8;
  /** Only versions 1 and 2 have extent indexes. */
  indexSize?: 0 | 4 | 8;
  /** Version 2 item info entries have 16-bit item ids, version 3 32-bit ones. */
  infeVersion?: 2 | 3;
  /** The picture's size as its `ispe` property states it; 8×8, its real size, by default. */
  size?: { width: number; height: number };
  /** With it, item 4: a grid (of the one picture) composed on a canvas of this size. */
  grid?: { width: number; height: number };
}

export interface SampleHeic {
  bytes: Buffer;
  /** Where the coded picture lies: must come out untouched. */
  picture: Span;
  /** Where the Exif item's two extents and the XMP item lie: must come out as zeros. */
  metadata: Span[];
}

function box(type: string, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

function fullBox(type: string, version: number, ...contents: Buffer[]): Buffer {
  return box(type, Buffer.from([version, 0, 0, 0]), ...contents);
}

function uint(value: number, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  if (size === 2) bytes.writeUInt16BE(value);
  if (size === 4) bytes.writeUInt32BE(value);
  if (size === 8) bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}

export const HEIC_PICTURE = Buffer.from(Array.from({ length: 64 }, (_, index) => (index * 37 + 11) & 0xff));
const HEIC_EXIF = Buffer.concat([uint(0, 4), text('MM\0*\0\0\0\x08'), text(GPS_MARKER)]);
const HEIC_XMP = text(`<x:xmpmeta><exif:GPS>${GPS_MARKER}</exif:GPS></x:xmpmeta>`);

/**
 * An ISO BMFF file shaped like a phone's HEIC: ftyp, meta (hdlr, pitm, iinf, iprp, iloc), mdat. Item 1
 * is the picture, item 2 Exif in two extents, item 3 XMP; the iloc box is written with the
 * field sizes asked for, so each variant a reader must handle can be tried.
 */
export function heic(options: HeicOptions = {}): SampleHeic {
  const { ilocVersion = 1, offsetSize = 4, lengthSize = 4, baseOffsetSize = 0, indexSize = 0 } = options;
  const { infeVersion = 2, size = { width: 8, height: 8 }, grid } = options;
  const exifHalf = Math.floor(HEIC_EXIF.length / 2);
  // ImageGrid: version, flags (16-bit sizes), one row, one column, the canvas's width and height.
  const gridData =
    grid && Buffer.concat([Buffer.from([0, 0, 0, 0]), uint(grid.width, 2), uint(grid.height, 2)]);
  // mdat: picture | first half of Exif | XMP | second half of Exif | the grid's data
  const pieces = [HEIC_PICTURE, HEIC_EXIF.subarray(0, exifHalf), HEIC_XMP, HEIC_EXIF.subarray(exifHalf)];
  if (gridData) pieces.push(gridData);
  const mdatBody = Buffer.concat(pieces);
  const relative: Span[] = [];
  let at = 0;
  for (const piece of pieces) {
    relative.push({ start: at, end: at + piece.length });
    at += piece.length;
  }
  const [picture, exifFirst, xmpSpan, exifSecond, gridSpan] = relative as [Span, Span, Span, Span, Span?];
  const items: Array<[number, Span[]]> = [
    [1, [picture]],
    [2, [exifFirst, exifSecond]],
    [3, [xmpSpan]],
    ...(gridSpan ? [[4, [gridSpan]] as [number, Span[]]] : []),
  ];

  const ftyp = box('ftyp', text('heic'), uint(0, 4), text('mif1'), text('heic'));
  const idSize = infeVersion === 2 ? 2 : 4;
  const infe = (id: number, type: string, extra = '') =>
    fullBox('infe', infeVersion, uint(id, idSize), uint(0, 2), text(type), text(`\0${extra}`));
  const iinf = fullBox(
    'iinf',
    0,
    uint(items.length, 2),
    infe(1, 'hvc1'),
    infe(2, 'Exif'),
    infe(3, 'mime', 'application/rdf+xml\0'),
    ...(gridSpan ? [infe(4, 'grid')] : []),
  );
  const hdlr = fullBox('hdlr', 0, uint(0, 4), text('pict'), Buffer.alloc(12), text('\0'));
  const pitm = fullBox('pitm', 0, uint(1, 2));
  // The picture's one property: its size.
  const iprp = box(
    'iprp',
    box('ipco', fullBox('ispe', 0, uint(size.width, 4), uint(size.height, 4))),
    fullBox('ipma', 0, uint(1, 4), uint(1, 2), Buffer.from([1, 0x81])),
  );

  const iloc = (mdatStart: number) => {
    const base = baseOffsetSize === 0 ? 0 : mdatStart;
    const itemIdSize = ilocVersion < 2 ? 2 : 4;
    const entries = items.map(([id, spans]) =>
      Buffer.concat([
        uint(id, itemIdSize),
        ilocVersion === 0 ? Buffer.alloc(0) : uint(0, 2), // construction method 0: file offsets
        uint(0, 2),
        uint(base, baseOffsetSize),
        uint(spans.length, 2),
        ...spans.flatMap((span) => [
          ilocVersion > 0 ? uint(0, indexSize) : Buffer.alloc(0),
          uint(mdatStart + span.start - base, offsetSize),
          uint(span.end - span.start, lengthSize),
        ]),
      ]),
    );
    return fullBox(
      'iloc',
      ilocVersion,
      Buffer.from([
        (offsetSize << 4) | lengthSize,
        (baseOffsetSize << 4) | (ilocVersion > 0 ? indexSize : 0),
      ]),
      uint(items.length, itemIdSize === 2 ? 2 : 4),
      ...entries,
    );
  };
  const metaFor = (mdatStart: number) => fullBox('meta', 0, hdlr, pitm, iinf, iprp, iloc(mdatStart));
  // The meta box's size does not depend on the offsets in it: measure it, then write it for real.
  const mdatStart = ftyp.length + metaFor(0).length + 8;
  const bytes = Buffer.concat([ftyp, metaFor(mdatStart), box('mdat', mdatBody)]);
  const absolute = (span: Span) => ({ start: mdatStart + span.start, end: mdatStart + span.end });
  return { bytes, picture: absolute(picture), metadata: [exifFirst, exifSecond, xmpSpan].map(absolute) };
}

/* ---------- PDF ---------- */

/** An object's body: a value written out, or a stream (its dictionary's entries and its data). */
export type PdfObject = string | { dictionary: string; data: Buffer };

export interface PdfOptions {
  /** Written right after the header line, before the first object. */
  afterHeader?: string;
  /** Written after `%%EOF`. */
  trailer?: string;
}

/**
 * A PDF built as writers build it: header, objects 1..n, a cross-reference table with their
 * offsets, the trailer naming object 1 as the catalog, `startxref` pointing at the table, `%%EOF`.
 */
export function pdfFile(objects: PdfObject[], { afterHeader = '', trailer = '' }: PdfOptions = {}): Buffer {
  const parts: Buffer[] = [text(`%PDF-1.7\n%\xe2\xe3\xcf\xd3\n${afterHeader}`)];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    const body =
      typeof object === 'string'
        ? text(`${index + 1} 0 obj\n${object}\nendobj\n`)
        : Buffer.concat([
            text(`${index + 1} 0 obj\n<< ${object.dictionary} /Length ${object.data.length} >>\nstream\n`),
            object.data,
            text('\nendstream\nendobj\n'),
          ]);
    offsets.push(offset);
    parts.push(body);
    offset += body.length;
  }
  const rows = offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    text(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}` +
        `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n${trailer}`,
    ),
  );
  return Buffer.concat(parts);
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const PAGES = '<< /Type /Pages /Kids [] /Count 0 >>';

export const pdf = () => pdfFile([CATALOG, PAGES]);

/** The attack from issue 18: a file that opens like a PDF and is a web page with a script. */
export const htmlAfterPdfHeader = () =>
  text('%PDF-1.4\n<html><body><script>fetch("/admin").then(r => r.text())</script></body></html>\n');

/** The same page inside a PDF that is otherwise well formed: a polyglot that passes as both. */
export const htmlPdfPolyglot = () =>
  pdfFile([CATALOG, PAGES], {
    afterHeader: '<html><body><script>alert(document.domain)</script></body></html>\n',
  });

/** A catalog whose open action runs JavaScript, written as `how` says (a name escaped, or packed away). */
export function pdfWithJavaScript(
  how: 'plain' | 'escaped-name' | 'object-stream' | 'launch' = 'plain',
): Buffer {
  const action = {
    plain: '<< /S /JavaScript /JS (app.alert\\(1\\)) >>',
    'escaped-name': '<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>',
    launch: '<< /S /Launch /F (cmd.exe) >>',
    'object-stream': '',
  }[how];
  if (how !== 'object-stream') {
    return pdfFile(['<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>', PAGES, action]);
  }
  // Object 3 is packed into object stream 4, compressed: its names are not in the file's bytes.
  const packed = '<< /S /JavaScript /JS (app.alert(1)) >>';
  const index = '3 0 ';
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>',
    PAGES,
    'null',
    {
      dictionary: `/Type /ObjStm /N 1 /First ${index.length} /Filter /FlateDecode`,
      data: deflateSync(text(index + packed)),
    },
  ]);
}

/** A harmless PDF that still uses an object stream (as Word and many writers do): it must pass. */
export const pdfWithObjectStream = () =>
  pdfFile([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction [ 2 0 R /Fit ] >>',
    PAGES,
    {
      dictionary: '/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode',
      data: deflateSync(text('5 0 << /Producer (Word) >>')),
    },
  ]);

/* ---------- Pictures of a claimed size ---------- */

/** The 2×2 PNG with a header claiming `width` × `height`: a few bytes a viewer would allocate gigabytes for. */
export function pngOfSize(width: number, height: number): Buffer {
  const header = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0]);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), PNG_DATA, PNG_END]);
}

/** The 8×8 JPEG with its frame header claiming `width` × `height` (at most 65,535 each). */
export function jpegOfSize(width: number, height: number): Buffer {
  const picture = Buffer.from(JPEG_PICTURE);
  const frame = picture.indexOf(Buffer.from([0xff, 0xc0]));
  picture.writeUInt16BE(height, frame + 5);
  picture.writeUInt16BE(width, frame + 7);
  return Buffer.concat([SOI, jfif(), picture, JPEG_SCAN_DATA, EOI]);
}
