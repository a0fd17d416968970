import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import {
  htmlAfterPdfHeader,
  htmlPdfPolyglot,
  pdf,
  pdfFile,
  pdfWithJavaScript,
  pdfWithObjectStream,
} from '@kasa/testing/sample-files';
import { checkPdf, InvalidFileError, UnsafeFileError } from '../src/index.ts';

const text = (value: string) => Buffer.from(value, 'latin1');
const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const PAGES = '<< /Type /Pages /Kids [] /Count 0 >>';

function assertDamaged(bytes: Buffer, why: string) {
  assert.throws(
    () => checkPdf(bytes),
    (error: unknown) => error instanceof InvalidFileError && error.statusCode === 400,
    why,
  );
}

function assertUnsafe(bytes: Buffer, why: string, message = /not accepted|cannot be checked/) {
  assert.throws(
    () => checkPdf(bytes),
    (error: unknown) =>
      error instanceof UnsafeFileError && error.statusCode === 422 && message.test(error.message),
    why,
  );
}

test('takes a plain PDF, one with object streams, and one whose cross-reference is a stream', () => {
  checkPdf(pdf());
  checkPdf(pdfWithObjectStream());
  // Objects, then an XRef stream; startxref points at that object, not at an `xref` table.
  const body = `%PDF-1.5\n1 0 obj\n${CATALOG}\nendobj\n2 0 obj\n${PAGES}\nendobj\n`;
  const xrefStream = `3 0 obj\n<< /Type /XRef /Size 4 /W [1 2 1] /Root 1 0 R /Length 4 >>\nstream\n\x01\x00\x0f\x00\nendstream\nendobj\n`;
  checkPdf(text(`${body}${xrefStream}startxref\n${body.length}\n%%EOF`));
});

test('takes CRLF lines, a /Length given by reference, comments and nested dictionaries', () => {
  const bytes = text(
    '%PDF-1.4\r\n%\xe2\xe3\xcf\xd3\r\n1 0 obj\r\n<< /Type /Catalog /Pages 2 0 R /Metadata 3 0 R >>\r\nendobj\r\n' +
      '2 0 obj\r\n<< /Type /Pages /Kids [] /Count 0 % no pages\r\n /Resources << /Font << /F1 << /Type /Font >> >> >> >>\r\nendobj\r\n' +
      '3 0 obj\r\n<< /Type /Metadata /Subtype /XML /Length 4 0 R /Title (a \\) and \\( and (nested)) /Id <0a1B> >>\r\nstream\r\n<?xpacket?><x:xmpmeta/>\r\nendstream\r\nendobj\r\n' +
      '4 0 obj\r\n24\r\nendobj\r\nxref\r\n0 1\r\n0000000000 65535 f\r\ntrailer\r\n<< /Root 1 0 R >>\r\n',
  );
  const xref = bytes.indexOf('xref');
  checkPdf(Buffer.concat([bytes, text(`startxref\r\n${xref}\r\n%%EOF\r\n`)]));
});

test('refuses what only opens like a PDF: the issue-18 web page behind a PDF header', () => {
  assertDamaged(htmlAfterPdfHeader(), 'a header and then a web page');
});

test('refuses a PDF without its frame: header, end marker, cross-reference pointer, an object', () => {
  const good = pdf();
  const source = good.toString('latin1');
  assertDamaged(text(source.replace('%PDF-1.7', '%PDF-x.y')), 'no version in the header');
  assertDamaged(text(source.replace('%%EOF', '')), 'no %%EOF');
  assertDamaged(Buffer.concat([good, Buffer.alloc(2000, 0x20)]), '%%EOF not in the last 1024 bytes');
  assertDamaged(text(source.replace('startxref', 'startxrex')), 'no startxref');
  assertDamaged(text(source.replace(/startxref\n\d+/, 'startxref\n12')), 'startxref pointing into an object');
  assertDamaged(text(source.replace(/startxref\n\d+/, 'startxref\n999999')), 'startxref past the end');
  assertDamaged(text('%PDF-1.4\nxref\n0 1\n0000000000 65535 f \nstartxref\n9\n%%EOF\n'), 'no object at all');
  assertDamaged(pdfFile(['<< /Type /Catalog /Pages 2 0 R', PAGES]), 'an unterminated dictionary');
});

test('refuses a PDF that also carries a web page, wherever it stands', () => {
  assertUnsafe(htmlPdfPolyglot(), 'HTML between the header and the objects', /web page/);
  assertUnsafe(
    pdfFile([CATALOG, PAGES], { trailer: '<svg onload=alert(1)>' }),
    'SVG after %%EOF',
    /web page/,
  );
  const inStream = { dictionary: '', data: text('<script>alert(1)</script>') };
  assertUnsafe(pdfFile([CATALOG, PAGES, inStream]), 'a script inside stream data', /web page/);
});

test('refuses scripts, launch actions, attachments and media, however the names are written', () => {
  assertUnsafe(pdfWithJavaScript('plain'), 'an /OpenAction running JavaScript');
  assertUnsafe(pdfWithJavaScript('escaped-name'), '/J#61vaScript and /J#53');
  assertUnsafe(pdfWithJavaScript('object-stream'), 'the action packed in a compressed object stream');
  assertUnsafe(pdfWithJavaScript('launch'), 'a /Launch action');
  for (const catalog of [
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>',
    '<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 3 0 R >> >>',
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /XFA 3 0 R >> >>',
    '<< /Type /Catalog /Pages 2 0 R /AA << /O << /JS 3 0 R >> >> >>',
    '<< /Type /Catalog /Pages 2 0 R /Annots [<< /Subtype /RichMedia >>] >>',
  ]) {
    assertUnsafe(pdfFile([catalog, PAGES, '(x)']), catalog);
  }
  const attachment = { dictionary: '/Type /EmbeddedFile', data: text('MZ') };
  assertUnsafe(pdfFile([CATALOG, PAGES, attachment]), 'an embedded file stream');
});

test('finds a script planted inside another stream, where the cross-reference may point a reader', () => {
  const packed = deflateSync(text('5 0 << /S /JavaScript /JS (app.alert(1)) >>'));
  // Object 4 is written inside the data of object 3; a reader sent to its offset reads it as an object stream.
  const hidden = Buffer.concat([
    text(`junk\n4 0 obj\n<< /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`),
    packed,
    text('\nendstream\nendobj\n'),
  ]);
  assertUnsafe(
    pdfFile([CATALOG, PAGES, { dictionary: '', data: hidden }]),
    'an object stream inside stream data',
  );
});

test('takes stream data whose bytes happen to spell /JS, as compressed pictures do', () => {
  const picture = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0x12]),
    text('/JS '),
    Buffer.from([0x00, 0xff, 0xd9]),
  ]);
  checkPdf(
    pdfFile([
      CATALOG,
      PAGES,
      { dictionary: '/Type /XObject /Subtype /Image /Filter /DCTDecode', data: picture },
    ]),
  );
});

test('refuses an object stream it cannot read: another filter, encrypted data, a decompression bomb', () => {
  const objectStream = (dictionary: string, data: Buffer) =>
    pdfFile([CATALOG, PAGES, { dictionary: `/Type /ObjStm /N 1 /First 4 ${dictionary}`, data }]);
  const inner = deflateSync(text('3 0 << /Producer (x) >>'));
  assertUnsafe(objectStream('/Filter /LZWDecode', inner), 'LZW', /cannot be checked/);
  assertUnsafe(
    objectStream('/Filter [/ASCIIHexDecode /FlateDecode]', inner),
    'a chain of filters',
    /cannot be checked/,
  );
  assertUnsafe(
    objectStream('/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>', inner),
    'a predictor',
    /cannot be checked/,
  );
  const encrypted = Buffer.from(inner.map((byte, index) => byte ^ (index * 89 + 17)));
  assertUnsafe(objectStream('/Filter /FlateDecode', encrypted), 'encrypted data', /cannot be checked/);
  const bomb = deflateSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
  assertUnsafe(objectStream('/Filter /FlateDecode', bomb), 'inflates past the budget', /cannot be checked/);
});

test('a file built to be read over and over ends in bounded time', () => {
  // Thousands of stream headers inside one stream's data, each sending the reader to the far `endstream`.
  const planted = text('1 0 obj << >> stream\n'.repeat(50_000));
  const data = Buffer.concat([planted, Buffer.alloc(2 * 1024 * 1024, 0x41)]);
  const bytes = pdfFile([CATALOG, PAGES, { dictionary: '', data }]);
  const started = performance.now();
  try {
    checkPdf(bytes);
  } catch (error) {
    assert.ok(error instanceof InvalidFileError, String(error));
  }
  assert.ok(performance.now() - started < 3000, `took ${performance.now() - started} ms`);
});
