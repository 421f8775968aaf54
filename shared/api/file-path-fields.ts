// Finds every file path a request schema can carry, by walking the zod schema for fields built on
// FilePathSchema (marked in FILE_PATHS), and rewrites those paths in a request. The browser host
// confines exactly these, so a path field added under any name is confined without a list to keep.
import type { z } from 'zod';
import { FILE_PATHS } from './fields.ts';

/**
 * Where file paths sit in a value of one schema. Each part applies only to values of its shape
 * (a string, an object, an array), so the branches of a union combine into one plan.
 */
export interface FilePathPlan {
  /** A string here is a file path. */
  path?: true;
  /** Object fields holding file paths somewhere inside. */
  fields?: Record<string, FilePathPlan>;
  /** Every value of a record (an object keyed by any string). */
  values?: FilePathPlan;
  /** Every element of an array. */
  elements?: FilePathPlan;
  /** Positions of a tuple. */
  items?: (FilePathPlan | null)[];
  /** What an absent value becomes (a default), so a default path is confined like a given one. */
  fallback?: () => unknown;
}

/** A field whose shape cannot be confined safely; the walk refuses it rather than skip it. */
export class UnconfinableFieldError extends Error {
  constructor(where: string, why: string) {
    super(`${where || 'The request'}: ${why}`);
    this.name = 'UnconfinableFieldError';
  }
}

type AnySchema = z.core.$ZodType;

export function isFilePathSchema(schema: AnySchema): boolean {
  // The registry's lookup follows clones, so FilePathSchema.max(…) or .refine(…) still counts.
  return FILE_PATHS.get(schema) !== undefined;
}

function merge(a: FilePathPlan | null, b: FilePathPlan | null): FilePathPlan | null {
  if (!a || !b) return a ?? b;
  const out: FilePathPlan = { ...a };
  if (b.path) out.path = true;
  if (b.fields) {
    const fields: Record<string, FilePathPlan> = { ...a.fields };
    for (const [key, plan] of Object.entries(b.fields)) fields[key] = merge(fields[key] ?? null, plan) as FilePathPlan;
    out.fields = fields;
  }
  if (b.values) out.values = merge(a.values ?? null, b.values) as FilePathPlan;
  if (b.elements) out.elements = merge(a.elements ?? null, b.elements) as FilePathPlan;
  if (b.items) {
    const length = Math.max(a.items?.length ?? 0, b.items.length);
    out.items = Array.from({ length }, (_, i) => merge(a.items?.[i] ?? null, b.items?.[i] ?? null));
  }
  out.fallback ??= b.fallback;
  return out;
}

const LEAVES = new Set(['string', 'number', 'int', 'boolean', 'bigint', 'symbol', 'null', 'undefined', 'void', 'never', 'any', 'unknown', 'date', 'file', 'enum', 'literal', 'nan', 'template_literal', 'transform', 'success', 'custom', 'function']);

/** The plan for one schema, or null when it holds no file path. `where` names the spot for errors. */
function planOf(schema: AnySchema, where: string, walking: Set<AnySchema>): FilePathPlan | null {
  if (isFilePathSchema(schema)) return { path: true };
  const def = (schema as z.core.$ZodTypes)._zod.def;
  const inner = (child: AnySchema, step: string) => planOf(child, step, walking);
  switch (def.type) {
    case 'object': {
      let fields: Record<string, FilePathPlan> | undefined;
      for (const [key, child] of Object.entries(def.shape)) {
        const plan = inner(child, where ? `${where}.${key}` : key);
        if (plan) (fields ??= {})[key] = plan;
      }
      const rest = def.catchall ? inner(def.catchall, `${where}.*`) : null;
      return merge(fields ? { fields } : null, rest ? { values: rest } : null);
    }
    case 'array': {
      const plan = inner(def.element, `${where}[]`);
      return plan && { elements: plan };
    }
    case 'record': {
      if (inner(def.keyType, `${where} (keys)`)) throw new UnconfinableFieldError(where, 'file paths as record keys cannot be confined');
      const plan = inner(def.valueType, `${where}{}`);
      return plan && { values: plan };
    }
    case 'tuple': {
      const items = def.items.map((item, i) => inner(item, `${where}[${i}]`));
      const rest = def.rest ? inner(def.rest, `${where}[]`) : null;
      return merge(items.some(Boolean) ? { items } : null, rest ? { elements: rest } : null);
    }
    case 'union':
      return def.options.reduce<FilePathPlan | null>((plan, option) => merge(plan, inner(option, where)), null);
    case 'intersection':
      return merge(inner(def.left, where), inner(def.right, where));
    case 'optional':
    case 'nullable':
    case 'nonoptional':
    case 'readonly':
      return inner(def.innerType, where);
    case 'default':
    case 'prefault': {
      const plan = inner(def.innerType, where);
      return plan && { ...plan, fallback: () => def.defaultValue };
    }
    case 'catch':
      if (inner(def.innerType, where)) throw new UnconfinableFieldError(where, '.catch() would put its own value in place of a refused path');
      return null;
    case 'pipe': {
      // A path checked before a transform is confined as given; one produced by a transform is not known until parsing.
      if (inner(def.out, where)) throw new UnconfinableFieldError(where, 'a file path produced by a transform cannot be confined before parsing');
      return inner(def.in, where);
    }
    case 'lazy': {
      if (walking.has(schema)) return null;
      walking.add(schema);
      const plan = inner(def.getter(), where);
      walking.delete(schema);
      if (plan) throw new UnconfinableFieldError(where, 'file paths inside z.lazy() are not supported');
      return null;
    }
    case 'map':
    case 'set':
    case 'promise':
      if ((def.type === 'map' && (inner(def.keyType, where) || inner(def.valueType, where))) || (def.type === 'set' && inner(def.valueType, where)) || (def.type === 'promise' && inner(def.innerType, where))) {
        throw new UnconfinableFieldError(where, `file paths inside a ${def.type} cannot arrive as JSON`);
      }
      return null;
    default:
      if (LEAVES.has(def.type)) return null;
      throw new UnconfinableFieldError(where, `cannot tell whether a ${def.type} schema holds file paths`);
  }
}

const plans = new WeakMap<AnySchema, FilePathPlan | null>();

/** Where file paths sit in values of `schema` (null: nowhere). Throws for a shape it cannot confine. */
export function filePathPlan(schema: AnySchema): FilePathPlan | null {
  if (!plans.has(schema)) plans.set(schema, planOf(schema, '', new Set()));
  return plans.get(schema) ?? null;
}

/** Every file-path field of `schema`, written `a.b`, `list[]`, `map{}`, `pair[0]` ('' for the value itself). */
export function filePathFields(schema: AnySchema): string[] {
  const found: string[] = [];
  const visit = (plan: FilePathPlan, where: string) => {
    if (plan.path) found.push(where);
    for (const [key, inner] of Object.entries(plan.fields ?? {})) visit(inner, where ? `${where}.${key}` : key);
    if (plan.values) visit(plan.values, `${where}{}`);
    if (plan.elements) visit(plan.elements, `${where}[]`);
    plan.items?.forEach((inner, i) => inner && visit(inner, `${where}[${i}]`));
  };
  const plan = filePathPlan(schema);
  if (plan) visit(plan, '');
  return [...new Set(found)];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function apply(plan: FilePathPlan, value: unknown, rewrite: (path: string) => string): unknown {
  if (value === undefined && plan.fallback) {
    const fallback = plan.fallback();
    if (fallback === undefined || fallback === null) return value;
    const rewritten = apply({ ...plan, fallback: undefined }, fallback, rewrite);
    // Only a default that holds a path is put in its place; any other stays zod's to apply.
    return rewritten === fallback ? value : rewritten;
  }
  if (typeof value === 'string') return plan.path ? rewrite(value) : value;
  if (Array.isArray(value)) {
    if (!plan.items && !plan.elements) return value;
    let changed = false;
    const out = value.map((item, i) => {
      const inner = plan.items?.[i] ?? (i >= (plan.items?.length ?? 0) ? plan.elements : undefined);
      const next = inner ? apply(inner, item, rewrite) : item;
      changed ||= next !== item;
      return next;
    });
    return changed ? out : value;
  }
  if (isPlainObject(value)) {
    if (!plan.fields && !plan.values) return value;
    let out: Record<string, unknown> | null = null;
    const keys = new Set([...Object.keys(value), ...Object.keys(plan.fields ?? {})]);
    for (const key of keys) {
      const own = Object.hasOwn(value, key);
      const inner = (plan.fields && Object.hasOwn(plan.fields, key) ? plan.fields[key] : undefined) ?? (own ? plan.values : undefined);
      if (!inner) continue;
      const current = own ? value[key] : undefined;
      const next = apply(inner, current, rewrite);
      // The spread copies a JSON key named __proto__ as an own field, so this assignment stays a plain write.
      if (next !== current) (out ??= { ...value })[key] = next;
    }
    return out ?? value;
  }
  return value;
}

/**
 * `request` with every file path the schema puts in it passed through `rewrite` (which may throw to
 * refuse one). Values of another shape are left for the schema to refuse; the input is not changed.
 */
export function rewriteFilePaths(schema: AnySchema, request: unknown, rewrite: (path: string) => string): unknown {
  const plan = filePathPlan(schema);
  return plan ? apply(plan, request, rewrite) : request;
}
