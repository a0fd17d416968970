import type { SchemaValidationError } from './validation-message.ts';

/**
 * What a request field may be given as, beside its own JSON type. Nothing is coerced across
 * types (Ajv's `coerceTypes` turned `true` into 1, `"0x10"` into 16, `"1e3"` into 1000 and
 * `["a"]` into "a"): a field reads only its own type, or that type's canonical text, because
 * forms, query strings and paths carry nothing but text (and the seed's clients send numbers as
 * decimal strings):
 * - a number: plain decimal text, `"42"`, `"-3"`, `"12.50"` (no hex, exponent, blanks or `+`);
 *   an integer must be one JavaScript holds exactly, so a 400-digit id is a 400, not a query;
 * - a boolean: `"true"`/`"false"`, and `1`/`0` (`"1"`/`"0"`) as the seed's INT flag columns are;
 * - null: the empty text, where the field may be null but not text;
 * - an array, in a query string only: one value where a list may be given (`?id=3`).
 * A field that accepts text keeps what was sent as it was.
 */
type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

interface Node {
  kinds: ReadonlySet<Kind>;
  properties?: ReadonlyMap<string, Node>;
  items?: Node;
}

type Schema = Record<string, unknown>;

const DECIMAL_INTEGER = /^-?[0-9]+$/;
const DECIMAL_FRACTION = /^-?[0-9]+\.[0-9]+$/;

/** Rewrites the text forms in `data` (in place) and reports values no type can hold. */
export type InputDecoder = (data: unknown) => SchemaValidationError[];

/** The decoder for one part of a route's request; none when the schema asks for nothing to decode. */
export function inputDecoderFor(schema: unknown, part: string | undefined): InputDecoder | undefined {
  const root = nodeOf(schema);
  if (!root || !needsDecoding(root)) return undefined;
  const listsFromText = part === 'querystring';
  return (data) => {
    const errors: SchemaValidationError[] = [];
    decodeInto(root, data, '', errors, listsFromText);
    return errors;
  };
}

function decodeInto(
  node: Node,
  data: unknown,
  path: string,
  errors: SchemaValidationError[],
  listsFromText: boolean,
): void {
  if (data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    if (!node.items) return;
    for (let index = 0; index < data.length; index += 1) {
      data[index] = decoded(node.items, data[index], `${path}/${index}`, errors, listsFromText);
    }
    return;
  }
  if (!node.properties) return;
  const record = data as Record<string, unknown>;
  for (const [name, property] of node.properties) {
    if (!Object.hasOwn(record, name) || record[name] === undefined) continue;
    record[name] = decoded(property, record[name], `${path}/${pointerSegment(name)}`, errors, listsFromText);
  }
}

function decoded(
  node: Node,
  value: unknown,
  path: string,
  errors: SchemaValidationError[],
  listsFromText: boolean,
): unknown {
  const { kinds } = node;
  if (typeof value === 'string') {
    if (kinds.has('string')) return value;
    if (listsFromText && kinds.has('array') && node.items) {
      return [decoded(node.items, value, `${path}/0`, errors, listsFromText)];
    }
    return fromText(kinds, value, path, errors);
  }
  if (typeof value === 'number') {
    if (
      kinds.has('integer') &&
      !kinds.has('number') &&
      Number.isInteger(value) &&
      !Number.isSafeInteger(value)
    ) {
      errors.push(outOfRange(path, value));
      return value;
    }
    if (
      kinds.has('boolean') &&
      !kinds.has('number') &&
      !kinds.has('integer') &&
      (value === 0 || value === 1)
    ) {
      return value === 1;
    }
    return value;
  }
  if (typeof value === 'object' && value !== null) decodeInto(node, value, path, errors, listsFromText);
  return value;
}

function fromText(
  kinds: ReadonlySet<Kind>,
  text: string,
  path: string,
  errors: SchemaValidationError[],
): unknown {
  const numeric = kinds.has('integer') || kinds.has('number');
  if (numeric && DECIMAL_INTEGER.test(text)) {
    const number = Number(text);
    if (Number.isSafeInteger(number)) return number;
    errors.push(outOfRange(path, number));
    return text;
  }
  if (kinds.has('number') && DECIMAL_FRACTION.test(text)) return Number(text);
  if (kinds.has('boolean')) {
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
  }
  if (kinds.has('null') && text === '') return null;
  return text;
}

function outOfRange(path: string, value: number): SchemaValidationError {
  const limit = value < 0 ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  return {
    keyword: value < 0 ? 'minimum' : 'maximum',
    instancePath: path,
    params: { comparison: value < 0 ? '>=' : '<=', limit },
    message: `must be ${value < 0 ? '>=' : '<='} ${limit}`,
  };
}

function pointerSegment(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** What a schema accepts, as far as decoding needs to know; references are left to Ajv. */
function nodeOf(schema: unknown): Node | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  const s = schema as Schema;
  const branches = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(branches)) {
    const nodes = branches.map(nodeOf).filter((node): node is Node => node !== undefined);
    return {
      kinds: new Set(nodes.flatMap((node) => [...node.kinds])),
      ...mergedChildren(nodes),
    };
  }
  const kinds = kindsOf(s);
  const node: { kinds: Set<Kind>; properties?: Map<string, Node>; items?: Node } = { kinds };
  if (s.properties && typeof s.properties === 'object') {
    node.properties = new Map();
    for (const [name, property] of Object.entries(s.properties as Schema)) {
      const child = nodeOf(property);
      if (child) node.properties.set(name, child);
    }
  }
  const items = nodeOf(s.items);
  if (items) node.items = items;
  return node;
}

function mergedChildren(nodes: Node[]): Pick<Node, 'properties' | 'items'> {
  const objects = nodes.filter((node) => node.properties);
  const lists = nodes.filter((node) => node.items);
  // Decoding inside a union of shapes would have to guess the branch: only an unambiguous one.
  return {
    ...(objects.length === 1 ? { properties: objects[0]!.properties } : {}),
    ...(lists.length === 1 ? { items: lists[0]!.items } : {}),
  };
}

function kindsOf(s: Schema): Set<Kind> {
  const kinds = new Set<Kind>();
  const add = (value: unknown) => {
    if (typeof value === 'string') kinds.add(value as Kind);
  };
  if (Array.isArray(s.type)) s.type.forEach(add);
  else add(s.type);
  const constants = 'const' in s ? [s.const] : Array.isArray(s.enum) ? s.enum : [];
  for (const constant of constants) kinds.add(kindOfValue(constant));
  // A schema that says nothing of its type (`{}`, `$ref`, `allOf`) takes anything as sent.
  if (kinds.size === 0) kinds.add('string');
  return kinds;
}

function kindOfValue(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as Kind;
}

function needsDecoding(node: Node): boolean {
  const { kinds } = node;
  if (
    !kinds.has('string') &&
    (kinds.has('integer') || kinds.has('number') || kinds.has('boolean') || kinds.has('null'))
  )
    return true;
  if (kinds.has('array')) return true;
  for (const child of node.properties?.values() ?? []) if (needsDecoding(child)) return true;
  return node.items !== undefined && needsDecoding(node.items);
}
