import { InvalidFileError } from './errors.ts';

/**
 * Just enough of PDF's object syntax (ISO 32000-2 §7.2–7.3) to read an object's dictionary: what
 * kind of stream follows it and where its data ends. Text is the file as latin1, one character
 * a byte, so offsets in it are offsets in the file.
 */

export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfValue[] | PdfDictionary;
export interface PdfName {
  name: string;
}
export interface PdfRef {
  ref: number;
}
export interface PdfString {
  string: true;
}
export type PdfDictionary = Map<string, PdfValue>;

const DAMAGED = 'The PDF file is damaged';
/** Deeper nesting than any writer produces: past it the file is taken as damaged, never recursed into. */
const MAX_DEPTH = 32;

const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const isRegular = (char: string | undefined) =>
  char !== undefined && !WHITESPACE.has(char) && !DELIMITERS.has(char);

/** A name's `#xx` escapes decoded: `/J#61vaScript` is `/JavaScript` to every reader. */
export function decodeName(raw: string): string {
  return raw.includes('#')
    ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : raw;
}

/**
 * Reads values from `text` starting at `at`. Every character it looks at is counted against a
 * budget shared by all readers of one file, so a file built to be read over and over (objects
 * nested in unterminated strings) costs a bounded amount of work, then is refused as damaged.
 */
export class PdfReader {
  readonly #text: string;
  readonly #budget: { left: number };
  #at: number;

  constructor(text: string, at: number, budget: { left: number }) {
    this.#text = text;
    this.#at = at;
    this.#budget = budget;
  }

  get offset(): number {
    return this.#at;
  }

  /** Whitespace and comments. */
  skipSpace(): void {
    const text = this.#text;
    for (;;) {
      const char = text[this.#at];
      if (char !== undefined && WHITESPACE.has(char)) this.#advance(1);
      else if (char === '%') {
        while (this.#at < text.length && text[this.#at] !== '\n' && text[this.#at] !== '\r') this.#advance(1);
      } else return;
    }
  }

  /** Whether the keyword stands here, followed by no regular character. */
  atKeyword(keyword: string): boolean {
    return this.#text.startsWith(keyword, this.#at) && !isRegular(this.#text[this.#at + keyword.length]);
  }

  skip(count: number): void {
    this.#advance(count);
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw damaged();
    this.skipSpace();
    const text = this.#text;
    const char = text[this.#at];
    if (char === undefined) throw damaged();
    if (text.startsWith('<<', this.#at)) return this.#dictionary(depth);
    if (char === '<') return this.#hexString();
    if (char === '(') return this.#literalString();
    if (char === '[') return this.#array(depth);
    if (char === '/') return { name: decodeName(this.#regular(1)) };
    const word = this.#regular(0);
    if (word === '') throw damaged();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    const number = Number(word);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || !Number.isFinite(number)) throw damaged();
    return this.#maybeReference(number);
  }

  /** `N G R` is one value, a reference; a lone number is a number. */
  #maybeReference(number: number): PdfValue {
    const text = this.#text;
    const match = /^[\0\t\n\f\r ]+\d{1,5}[\0\t\n\f\r ]+R(?![^\0\t\n\f\r ()<>[\]{}/%])/.exec(
      text.slice(this.#at, this.#at + 16),
    );
    if (!match || !Number.isInteger(number)) return number;
    this.#advance(match[0].length);
    return { ref: number };
  }

  #dictionary(depth: number): PdfDictionary {
    this.#advance(2);
    const entries: PdfDictionary = new Map();
    for (;;) {
      this.skipSpace();
      if (this.#text.startsWith('>>', this.#at)) {
        this.#advance(2);
        return entries;
      }
      const key = this.value(depth + 1);
      if (typeof key !== 'object' || key === null || !('name' in key)) throw damaged();
      entries.set(key.name, this.value(depth + 1));
    }
  }

  #array(depth: number): PdfValue[] {
    this.#advance(1);
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.#text[this.#at] === ']') {
        this.#advance(1);
        return items;
      }
      items.push(this.value(depth + 1));
    }
  }

  /** Balanced parentheses may stand unescaped inside; a backslash escapes the next character. */
  #literalString(): PdfString {
    const text = this.#text;
    this.#advance(1);
    let open = 1;
    while (open > 0) {
      const char = text[this.#at];
      if (char === undefined) throw damaged();
      if (char === '\\') this.#advance(1);
      else if (char === '(') open += 1;
      else if (char === ')') open -= 1;
      this.#advance(1);
    }
    return { string: true };
  }

  #hexString(): PdfString {
    this.#advance(1);
    for (;;) {
      const char = this.#text[this.#at];
      if (char === '>') break;
      if (char === undefined || !/[0-9A-Fa-f\0\t\n\f\r ]/.test(char)) throw damaged();
      this.#advance(1);
    }
    this.#advance(1);
    return { string: true };
  }

  /** The regular characters from `skip` on: a name's body or a word. */
  #regular(skip: number): string {
    const start = this.#at + skip;
    let end = start;
    while (isRegular(this.#text[end])) end += 1;
    this.#advance(end - this.#at);
    return this.#text.slice(start, end);
  }

  #advance(count: number): void {
    this.#budget.left -= count;
    if (this.#budget.left < 0) throw damaged();
    this.#at += count;
  }
}

const damaged = () => new InvalidFileError(DAMAGED);
