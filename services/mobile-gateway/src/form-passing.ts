import { Transform } from 'node:stream';
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import { badRequest, type ForwardedBody } from '@kasa/http';

export type FormFields = Partial<Record<string, string>>;

/** A text field added to a form: its name and value. */
export interface AddedField {
  name: string;
  value: string;
}

export interface FormPassing {
  /** Read `read` text fields on the way; missing ones are absent. */
  read: readonly string[];
  /**
   * Once the whole form has passed (its fields read), the field to add at its end, if any. A
   * failure stops the form short: the service sees it cut off and keeps nothing, and the caller's
   * call fails with the error.
   */
  add(fields: FormFields): Promise<AddedField | null>;
}

/** Phones, codes and tokens are short: a longer value is read cut, and then refused for its length. */
const FIELD_BYTES = 4096;
/** What may follow a form's closing delimiter (an epilogue): kept back with it to add a field before it. */
const EPILOGUE_BYTES = 1024;

/**
 * A multipart form passed on to a service as it streams, as `passMultipartThrough` keeps it, with
 * a few text fields read on the way and a field added at its end. The gateway holds no file:
 * file parts are read past, and only the last bytes (the closing delimiter) are held back, so that
 * the field can go before them once the fields are known, whatever order the client sent them in.
 */
export function passFormOn(forwarded: ForwardedBody, passing: FormPassing) {
  const boundary = boundaryOf(forwarded.contentType);
  const reader = boundary ? fieldReader(forwarded.contentType, passing.read) : null;
  if (!boundary || !reader) {
    // Not a form we can read: the service refuses it with the reason.
    return { body: forwarded, fields: Promise.resolve({} as FormFields) };
  }
  const closing = Buffer.from(`\r\n--${boundary}--`);
  const keep = closing.length + EPILOGUE_BYTES;
  let held = Buffer.alloc(0);

  const body = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      reader.write(chunk, () => {
        const all = Buffer.concat([held, chunk]);
        held = all.subarray(Math.max(0, all.length - keep));
        next(null, all.subarray(0, all.length - held.length));
      });
    },
    flush(done) {
      reader
        .end()
        // A form that could not be read is the service's to refuse: no code is spent on it.
        .then((fields) => (reader.failed() ? null : passing.add(fields)))
        .then((added) => {
          if (added) this.push(withFieldBefore(held, closing, boundary, added));
          else this.push(held);
          done();
        })
        .catch((error: unknown) => done(error as Error));
    },
  });
  forwarded.body.pipe(body);
  forwarded.body.on('error', (error) => body.destroy(error));
  // The size changes with the field added: the form goes on chunked.
  return { body: { body, contentType: forwarded.contentType } as ForwardedBody, fields: reader.fields };
}

/** `held` (the form's end) with `added` as a part of its own before the closing delimiter. */
function withFieldBefore(held: Buffer, closing: Buffer, boundary: string, added: AddedField): Buffer {
  const at = held.lastIndexOf(closing);
  if (at < 0) throw badRequest('The multipart form is malformed', 'malformed_form');
  const part = Buffer.from(
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="${added.name}"\r\n\r\n${added.value}`,
  );
  return Buffer.concat([held.subarray(0, at), part, held.subarray(at)]);
}

function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/**
 * Busboy reading the form's text fields named `names` from the bytes written to it. A form it
 * cannot parse gives the fields read so far: the service judges the form and answers for it.
 */
function fieldReader(contentType: string, names: readonly string[]) {
  let parser: BusboyInstance;
  try {
    parser = new Busboy({ headers: { 'content-type': contentType }, limits: { fieldSize: FIELD_BYTES } });
  } catch {
    return null;
  }
  const fields: FormFields = {};
  let failed = false;
  let waiting: (() => void) | null = null;
  const fieldsRead = new Promise<FormFields>((resolve) => {
    parser.on('field', (name, value) => {
      if (names.includes(name)) fields[name] = value;
    });
    parser.on('file', (_name, file) => file.resume());
    parser.on('finish', () => resolve(fields));
    parser.on('error', () => {
      failed = true;
      resolve(fields);
      waiting?.();
    });
  });
  parser.on('drain', () => waiting?.());
  return {
    fields: fieldsRead,
    /** Calls `next` once the parser has taken `chunk`: at once, unless it asks to wait. */
    write(chunk: Buffer, next: () => void): void {
      // Past a parse error the bytes only go on to the service; the parser may fail mid-write.
      if (failed || parser.write(chunk) || failed) {
        next();
        return;
      }
      waiting = () => {
        waiting = null;
        next();
      };
    },
    end(): Promise<FormFields> {
      if (!failed) parser.end();
      return fieldsRead;
    },
    failed: () => failed,
  };
}
