/**
 * A small hand-written checker (no schema library: it ships in the extension and must stay tiny).
 * Every problem names its file, the JSON path of the bad field and what was expected.
 */

export interface ValidationIssue {
  file: string;
  path: string;
  message: string;
}

export class KnowledgeError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'KnowledgeError';
  }
}

export function formatIssue(issue: ValidationIssue): string {
  return `${issue.file}: ${issue.path}: ${issue.message}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return value ? `"${value.length > 40 ? value.slice(0, 37) + '...' : value}"` : 'an empty string';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Collects issues while reading one file; the read helpers return a safe value either way. */
export class Checker {
  readonly issues: ValidationIssue[] = [];
  constructor(readonly file: string) {}

  fail(path: string, expected: string, got?: unknown): void {
    const suffix = arguments.length > 2 ? `, got ${describe(got)}` : '';
    this.issues.push({ file: this.file, path, message: `expected ${expected}${suffix}` });
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, 'an object', value);
    return {};
  }

  array(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.fail(path, 'an array', value);
    return [];
  }

  string(value: unknown, path: string, pattern?: RegExp, what = 'a non-empty string'): string {
    if (typeof value === 'string' && value.trim() !== '' && (!pattern || pattern.test(value))) return value;
    this.fail(path, what, value);
    return '';
  }

  optionalString(value: unknown, path: string, pattern?: RegExp, what?: string): string | undefined {
    return value === undefined ? undefined : this.string(value, path, pattern, what);
  }

  nullableString(value: unknown, path: string, pattern?: RegExp, what?: string): string | null {
    return value === null ? null : this.string(value, path, pattern, what);
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value === 'boolean') return value;
    this.fail(path, 'true or false', value);
    return false;
  }

  integer(value: unknown, path: string): number {
    if (Number.isInteger(value) && (value as number) >= 0) return value as number;
    this.fail(path, 'a whole number of 0 or more', value);
    return 0;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.fail(path, `one of ${allowed.join(', ')}`, value);
    return allowed[0]!;
  }

  strings(value: unknown, path: string, options: { min?: number; pattern?: RegExp; what?: string } = {}): string[] {
    const list = this.array(value, path);
    if (Array.isArray(value) && list.length < (options.min ?? 0)) {
      this.fail(path, `at least ${options.min} item${options.min === 1 ? '' : 's'}`, value);
    }
    return list.map((item, i) => this.string(item, `${path}[${i}]`, options.pattern, options.what));
  }

  /** Reports keys the format does not know, which are usually typos of known ones. */
  known(record: Record<string, unknown>, path: string, keys: readonly string[]): void {
    for (const key of Object.keys(record)) {
      if (!keys.includes(key)) this.fail(`${path}.${key}`, `no such field (known: ${keys.join(', ')})`);
    }
  }
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const URL_PATTERN = /^https:\/\/[^\s]+$/;
export const QID_PATTERN = /^Q[1-9]\d*$/;
