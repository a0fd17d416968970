/**
 * Turns a schema validator's error (Ajv's, fastify's default, or TypeBox's: they share the
 * JSON Schema error shape) into one sentence a person can act on: "Field 'phone' is required".
 */
export interface SchemaValidationError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const PART_NAMES: Record<string, string> = {
  body: 'Request body',
  querystring: 'Query string',
  params: 'URL parameters',
  headers: 'Request headers',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'email address',
  date: 'date (YYYY-MM-DD)',
  time: 'time',
  'date-time': 'date and time',
  uri: 'URL',
  url: 'URL',
  uuid: 'UUID',
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  hostname: 'host name',
};

export function validationMessage(errors: readonly SchemaValidationError[], part?: string): string {
  const first = errors[0];
  if (!first) return `${partName(part)} is invalid`;
  const alternatives = errors.find((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (alternatives) return alternativesMessage(alternatives, errors, part);
  return describe(first, part);
}

function describe(error: SchemaValidationError, part: string | undefined): string {
  const { keyword, params } = error;
  const path = pathSegments(error.instancePath);
  const subject = (segments: string[]) =>
    segments.length > 0 ? `Field '${fieldName(segments)}'` : partName(part);
  const it = subject(path);

  switch (keyword) {
    case 'required': {
      const missing = requiredProperty(params);
      return missing === undefined
        ? `${it} is missing a required field`
        : `${subject([...path, missing])} is required`;
    }
    case 'additionalProperties': {
      const extra = additionalProperty(params);
      return extra === undefined ? `${it} has unknown fields` : `${subject([...path, extra])} is not allowed`;
    }
    case 'type':
      return `${it} must be ${typeName(params.type)}`;
    case 'format':
      return `${it} must be a valid ${FORMAT_NAMES[String(params.format)] ?? String(params.format)}`;
    case 'pattern':
      return `${it} has an invalid format`;
    case 'minLength':
      return params.limit === 1
        ? `${it} must not be empty`
        : `${it} must be at least ${params.limit} characters long`;
    case 'maxLength':
      return `${it} must be at most ${params.limit} characters long`;
    case 'minimum':
      return `${it} must be at least ${params.limit}`;
    case 'maximum':
      return `${it} must be at most ${params.limit}`;
    case 'exclusiveMinimum':
      return `${it} must be greater than ${params.limit}`;
    case 'exclusiveMaximum':
      return `${it} must be less than ${params.limit}`;
    case 'multipleOf':
      return `${it} must be a multiple of ${params.multipleOf}`;
    case 'enum':
      return `${it} must be one of: ${listValues(params.allowedValues)}`;
    case 'const':
      return `${it} must be ${showValue(params.allowedValue)}`;
    case 'minItems':
      return `${it} must have at least ${params.limit} ${params.limit === 1 ? 'item' : 'items'}`;
    case 'maxItems':
      return `${it} must have at most ${params.limit} ${params.limit === 1 ? 'item' : 'items'}`;
    case 'uniqueItems':
      return `${it} must not contain duplicate items`;
    default:
      return `${it} ${error.message ?? 'is invalid'}`;
  }
}

/** A union of literals reads best as the list of allowed values; any other union as "invalid". */
function alternativesMessage(
  alternatives: SchemaValidationError,
  errors: readonly SchemaValidationError[],
  part: string | undefined,
): string {
  const path = pathSegments(alternatives.instancePath);
  const it = path.length > 0 ? `Field '${fieldName(path)}'` : partName(part);
  const branches = errors.filter((e) => e !== alternatives && e.instancePath === alternatives.instancePath);
  if (branches.length > 0 && branches.every((e) => e.keyword === 'const')) {
    return `${it} must be one of: ${listValues(branches.map((e) => e.params.allowedValue))}`;
  }
  return `${it} has an invalid value`;
}

function requiredProperty(params: Record<string, unknown>): string | undefined {
  if (typeof params.missingProperty === 'string') return params.missingProperty;
  const list = params.requiredProperties;
  return Array.isArray(list) && typeof list[0] === 'string' ? list[0] : undefined;
}

function additionalProperty(params: Record<string, unknown>): string | undefined {
  if (typeof params.additionalProperty === 'string') return params.additionalProperty;
  const list = params.additionalProperties;
  return Array.isArray(list) && typeof list[0] === 'string' ? list[0] : undefined;
}

function pathSegments(instancePath: string): string[] {
  if (instancePath === '' || instancePath === '/') return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** ['filter', 'fields', 'name'] → filter.fields.name; ['status', '0'] → status[0]. */
function fieldName(segments: string[]): string {
  return segments.reduce(
    (name, segment) =>
      /^\d+$/.test(segment) ? `${name}[${segment}]` : name ? `${name}.${segment}` : segment,
    '',
  );
}

function partName(part: string | undefined): string {
  return (part && PART_NAMES[part]) ?? 'Request';
}

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

function listValues(values: unknown): string {
  return Array.isArray(values) ? values.map(showValue).join(', ') : showValue(values);
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
