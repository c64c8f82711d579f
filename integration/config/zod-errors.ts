/**
 * The one translation of zod's issues into OptionErrors: the option's path as the user wrote it,
 * what is wrong, and the fix; "did you mean" for a mistyped key. It reads the schema (the keys
 * allowed at a path) through zod's public `def`, never by position: reorder the schema and the
 * messages stay the same.
 */
import { z, type core } from 'zod';
import { HINTS, OptionError } from '../shared/errors.ts';
import { optionsSchema } from './schema.ts';

/** The OptionError for zod's first issue with `input`. */
export function toOptionError(issue: core.$ZodIssue, input: unknown): OptionError {
  const path = issue.path.map(String).join('.');
  const received = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], input);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      const known = knownKeys(issue.path);
      const guess = closest(key, known);
      return new OptionError(
        path ? `${path}.${key}` : key,
        'is not an option.',
        guess ? `Did you mean "${guess}"?` : `Options here: ${known.join(', ')}.`,
      );
    }
    case 'invalid_value':
      return new OptionError(
        path,
        `expected ${issue.values.map((value) => JSON.stringify(value)).join(' | ')}, got ${describe(received)}.`,
        `Set it to one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`,
      );
    case 'invalid_type':
      if (received === undefined) return new OptionError(path, 'is missing.', missingHint(issue.path) ?? `Add \`${path}\`.`);
      return new OptionError(
        path,
        `expected ${kindName(issue.expected)}, got ${describe(received)}.`,
        `Set \`${path}\` to ${kindName(issue.expected)}.`,
      );
    case 'too_small':
      if (Array.isArray(received) && received.length === 0) {
        return new OptionError(
          path,
          'is an empty list.',
          path === 'whatsapp' ? HINTS.missingWhatsApp : 'Give it at least one entry, or leave the option out.',
        );
      }
      if (issue.origin === 'string') return new OptionError(path, 'is empty.', `Give \`${path}\` a text, or leave the option out.`);
      return new OptionError(path, `${describe(received)} is too small.`, `Use a value of at least ${issue.minimum}.`);
    case 'invalid_key':
      return new OptionError(
        path,
        `${JSON.stringify(String(issue.path.at(-1)))} is not a language code.`,
        'Use a language code such as "ru" or "pt-BR", as in <html lang>.',
      );
    case 'too_big':
      return new OptionError(path, `${describe(received)} is too large.`, `Use a value of at most ${issue.maximum}.`);
    case 'invalid_union': {
      // The form the user chose (a string, an object, a list) says which branch's error is theirs.
      const branch = unionBranch(issue, received);
      const forms = branch || path === 'whatsapp' ? '' : orList(formsOf(schemaAt(issue.path)));
      // A form none of the union's is (true where false or an object goes): name them all.
      if (forms.includes(' or '))
        return new OptionError(path, `expected ${forms}, got ${describe(received)}.`, `Set \`${path}\` to ${forms}.`);
      const inner = branch?.[0] ?? (path === 'whatsapp' ? undefined : issue.errors.flat()[0]);
      if (inner) return toOptionError({ ...inner, path: [...issue.path, ...inner.path] } as core.$ZodIssue, input);
      if (path === 'whatsapp') {
        return new OptionError(
          path,
          `expected a short link string, { phone, text? } or a list of { label, link | phone, text? }, got ${Array.isArray(received) ? 'an empty list' : describe(received)}.`,
          HINTS.missingWhatsApp,
        );
      }
      return new OptionError(path, issue.message, 'Check the README for this option.');
    }
    case 'invalid_format':
      // The schema's own messages say what is expected ("expected a hex colour such as …").
      return new OptionError(
        path,
        `got ${describe(received)}; ${issue.message}.`,
        `Set \`${path}\` to ${issue.message.replace(/^expected /, '')}.`,
      );
    default:
      return new OptionError(path, `${describe(received)}: ${issue.message}.`, 'Check the README for this option.');
  }
}

/**
 * The issues of the union branch whose type matches the value given (an object for an object
 * branch, a non-empty array for an array branch), found by the branches' own types.
 */
function unionBranch(issue: core.$ZodIssueInvalidUnion, received: unknown): core.$ZodIssue[] | undefined {
  const kind = Array.isArray(received)
    ? received.length > 0
      ? 'array'
      : undefined
    : typeof received === 'object' && received !== null
      ? 'object'
      : undefined;
  if (!kind) return undefined;
  const union = schemaAt(issue.path);
  const options = (union?._zod.def as { options?: core.$ZodType[] } | undefined)?.options ?? [];
  const index = options.findIndex((option) => option._zod.def.type === kind);
  return index >= 0 ? issue.errors[index] : undefined;
}

/** The hint the schema gives a required option (`required()` in schema.ts), found by the path through lists and unions. */
function missingHint(path: PropertyKey[]): string | undefined {
  const schema = schemaAt(path);
  const meta = schema && (z.globalRegistry.get(schema) as { missingHint?: string } | undefined);
  return meta?.missingHint;
}

/** A kind of value as a hint names it. */
function kindName(kind: string): string {
  return orList(kindNames(kind));
}

function kindNames(kind: string): string[] {
  const names: Record<string, string[]> = {
    object: ['an object'],
    array: ['a list'],
    boolean: ['true', 'false'],
    number: ['a number'],
    string: ['a text'],
  };
  return names[kind] ?? [kind];
}

/** "a, b or c". */
function orList(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '');
}

/** The forms a union takes, as a hint names them ("false", "an object"); none for another schema. */
function formsOf(schema: core.$ZodType | undefined): string[] {
  const options = (schema?._zod.def as { options?: core.$ZodType[] } | undefined)?.options ?? [];
  return options
    .map((option) => {
      const def = unwrap(option)._zod.def as { type: string; values?: unknown[]; entries?: Record<string, unknown> };
      if (def.type === 'literal') return (def.values ?? []).map((value) => JSON.stringify(value));
      if (def.type === 'enum') return Object.values(def.entries ?? {}).map((value) => JSON.stringify(value));
      return kindNames(def.type);
    })
    .flat();
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** The schema at a path (through optional/default wrappers), or undefined where the path leaves it. */
function schemaAt(path: PropertyKey[]): core.$ZodType | undefined {
  let schema: core.$ZodType | undefined = optionsSchema;
  for (const key of path) {
    if (!schema) return undefined;
    const def = unwrap(schema, typeof key === 'number' ? 'array' : 'object')._zod.def as {
      type: string;
      shape?: Record<string, core.$ZodType>;
      valueType?: core.$ZodType;
      element?: core.$ZodType;
    };
    schema = def.type === 'record' ? def.valueType : def.type === 'array' ? def.element : def.shape?.[key as string];
  }
  return schema && unwrap(schema);
}

/** Option names allowed at a path of the schema, for "did you mean". */
function knownKeys(path: PropertyKey[]): string[] {
  const schema = schemaAt(path);
  const def = schema && (unwrap(schema, 'object')._zod.def as { shape?: Record<string, unknown> });
  return Object.keys(def?.shape ?? {});
}

/** The schema under optional/default wrappers; of a union, the option of the given type when asked for one. */
function unwrap(schema: core.$ZodType, type?: 'object' | 'array'): core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: core.$ZodType; options?: core.$ZodType[] };
    if (def.innerType) current = def.innerType;
    else if (type && def.type === 'union') return def.options!.find((option) => option._zod.def.type === type) ?? current;
    else return current;
  }
}

/**
 * The key of `input` (an options object) that is a mistyped `option`, as an OptionError: where a
 * required option is missing, `{ whatsap: … }` is told as the typo it is, not as a missing key.
 */
export function mistypedKey(input: object, option: string): OptionError | undefined {
  const known = knownKeys([]);
  const typo = Object.keys(input).find((key) => !known.includes(key) && closest(key, known) === option);
  return typo === undefined ? undefined : new OptionError(typo, 'is not an option.', `Did you mean "${option}"?`);
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
