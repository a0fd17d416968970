/**
 * How much text a column holds, so that a declared input limit can be checked against it: a
 * value the schema lets through but the column cannot hold is a database error, a 500, instead
 * of a 400. Every schema is utf8mb4 (ensureSchema): `varchar(n)` and `char(n)` hold n characters
 * (code points, as Ajv's maxLength counts them) of up to 4 bytes each; the text types hold a
 * number of bytes, so a character takes 1 to 4 of them.
 */
export interface TextCapacity {
  /** The most characters the column takes, whatever they are. */
  chars: number;
  /** The most bytes it takes. */
  bytes: number;
}

/** utf8mb4: a character (an emoji, say) is up to 4 bytes. */
export const MAX_BYTES_PER_CHARACTER = 4;

const TEXT_TYPE_BYTES: Record<string, number> = {
  tinytext: 255,
  text: 65_535,
  mediumtext: 16_777_215,
  longtext: 4_294_967_295,
};

/** A drizzle column (its `getSQLType()`, `varchar(64)`, `text`…). */
export interface TypedColumn {
  getSQLType(): string;
}

export function textCapacityOf(column: TypedColumn): TextCapacity {
  const type = column.getSQLType().toLowerCase();
  const sized = /^(?:var)?char\((\d+)\)/.exec(type);
  if (sized) {
    const chars = Number(sized[1]);
    return { chars, bytes: chars * MAX_BYTES_PER_CHARACTER };
  }
  const bytes = TEXT_TYPE_BYTES[type];
  if (bytes === undefined) throw new TypeError(`A ${type} column holds no text`);
  return { chars: bytes, bytes };
}

/**
 * Whether every string a schema accepts fits the column: none longer than `maxLength`
 * characters, of at most 4 bytes each, or 1 when the schema admits only ASCII (a base64
 * pattern, say). A schema without `maxLength` fits nothing.
 */
export function textFits(
  schema: object,
  column: TypedColumn,
  { ascii = false }: { ascii?: boolean } = {},
): boolean {
  // A JSON schema (TypeBox's types do not declare their keywords).
  const { maxLength } = schema as { maxLength?: unknown };
  if (typeof maxLength !== 'number') return false;
  const { chars, bytes } = textCapacityOf(column);
  return maxLength <= chars && maxLength * (ascii ? 1 : MAX_BYTES_PER_CHARACTER) <= bytes;
}
