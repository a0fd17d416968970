/**
 * The names of what an event says changed, never the values: the events that list their
 * changed `fields` (a member's profile edited by staff, a staff account updated) give them;
 * for the others, the names of the facts they carry, ids left out (they name the objects,
 * which the trail keeps apart).
 */
export function changedFieldNames(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const record = data as Record<string, unknown>;
  const names = isNameList(record.fields)
    ? record.fields
    : Object.keys(record).filter((key) => !isIdName(key));
  // Only what looks like a name: a value that slipped into a list of names is dropped, not kept.
  return [...new Set(names)].filter((name) => FIELD_NAME.test(name));
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/;

const isIdName = (key: string) => key === 'id' || key.endsWith('Id');

function isNameList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
