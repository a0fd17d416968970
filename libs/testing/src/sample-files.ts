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
  const { infeVersion = 2 } = options;
  const exifHalf = Math.floor(HEIC_EXIF.length / 2);
  // mdat: picture | first half of Exif | XMP | second half of Exif
  const pieces = [HEIC_PICTURE, HEIC_EXIF.subarray(0, exifHalf), HEIC_XMP, HEIC_EXIF.subarray(exifHalf)];
  const mdatBody = Buffer.concat(pieces);
  const relative: Span[] = [];
  let at = 0;
  for (const piece of pieces) {
    relative.push({ start: at, end: at + piece.length });
    at += piece.length;
  }
  const [picture, exifFirst, xmpSpan, exifSecond] = relative as [Span, Span, Span, Span];
  const items: Array<[number, Span[]]> = [
    [1, [picture]],
    [2, [exifFirst, exifSecond]],
    [3, [xmpSpan]],
  ];

  const ftyp = box('ftyp', text('heic'), uint(0, 4), text('mif1'), text('heic'));
  const idSize = infeVersion === 2 ? 2 : 4;
  const infe = (id: number, type: string, extra = '') =>
    fullBox('infe', infeVersion, uint(id, idSize), uint(0, 2), text(type), text(`\0${extra}`));
  const iinf = fullBox(
    'iinf',
    0,
    uint(3, 2),
    infe(1, 'hvc1'),
    infe(2, 'Exif'),
    infe(3, 'mime', 'application/rdf+xml\0'),
  );
  const hdlr = fullBox('hdlr', 0, uint(0, 4), text('pict'), Buffer.alloc(12), text('\0'));
  const pitm = fullBox('pitm', 0, uint(1, 2));
  // The picture's one property: its size, 8×8.
  const iprp = box(
    'iprp',
    box('ipco', fullBox('ispe', 0, uint(8, 4), uint(8, 4))),
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

export const pdf = () =>
  text(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
      'trailer << /Root 1 0 R >>\n%%EOF\n',
  );
