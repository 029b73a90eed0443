/**
 * A structural check of Web Annotation JSON-LD against the data model, used by the export tests to
 * show that what lib/export/web-annotation.ts writes is a valid document.
 */
import { ANNOTATION_CONTEXT, MOTIVATIONS } from '../../lib/export/web-annotation';

const SELECTOR_KEYS: Record<string, Record<string, 'string' | 'integer' | 'object'>> = {
  TextQuoteSelector: { exact: 'string' },
  TextPositionSelector: { start: 'integer', end: 'integer' },
  FragmentSelector: { value: 'string' },
  CssSelector: { value: 'string' },
  XPathSelector: { value: 'string' },
  DataPositionSelector: { start: 'integer', end: 'integer' },
  SvgSelector: {},
  RangeSelector: { startSelector: 'object', endSelector: 'object' },
};

const OPTIONAL_STRING_KEYS: Record<string, string[]> = {
  TextQuoteSelector: ['prefix', 'suffix'],
};

const BODY_TYPES = new Set([
  'TextualBody',
  'SpecificResource',
  'Choice',
  'Dataset',
  'Image',
  'Video',
  'Sound',
  'Text',
  'Composite',
  'List',
  'Independents',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

const typesOf = (value: Record<string, unknown>): string[] =>
  asList(value.type).filter((t): t is string => typeof t === 'string');

/** Whether `value` looks like an absolute IRI (a scheme, a colon, no spaces). */
const isIri = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(value);

function checkSelector(selector: unknown, where: string, problems: string[]): void {
  if (!isObject(selector)) {
    problems.push(`${where}: a selector must be an object`);
    return;
  }
  const [type] = typesOf(selector);
  const keys = type === undefined ? undefined : SELECTOR_KEYS[type];
  if (!type || !keys) {
    problems.push(`${where}: unknown selector type ${JSON.stringify(selector.type)}`);
    return;
  }
  for (const [key, kind] of Object.entries(keys)) {
    const value = selector[key];
    const ok =
      kind === 'string'
        ? typeof value === 'string'
        : kind === 'integer'
          ? Number.isInteger(value) && (value as number) >= 0
          : isObject(value);
    const what = kind === 'string' ? 'a string' : kind === 'integer' ? 'a non-negative integer' : 'an object';
    if (!ok) problems.push(`${where}: ${type} needs ${what} ${key}`);
  }
  for (const key of OPTIONAL_STRING_KEYS[type] ?? []) {
    if (key in selector && typeof selector[key] !== 'string')
      problems.push(`${where}: ${type} ${key} must be a string`);
  }
  if (type === 'TextQuoteSelector' && selector.exact === '')
    problems.push(`${where}: TextQuoteSelector exact is empty`);
  if (type === 'TextPositionSelector' && Number.isInteger(selector.start) && Number.isInteger(selector.end)) {
    if ((selector.end as number) < (selector.start as number))
      problems.push(`${where}: TextPositionSelector end < start`);
  }
  if (type === 'RangeSelector') {
    if (isObject(selector.startSelector)) checkSelector(selector.startSelector, `${where}.startSelector`, problems);
    if (isObject(selector.endSelector)) checkSelector(selector.endSelector, `${where}.endSelector`, problems);
  }
  if ('refinedBy' in selector) {
    for (const [i, refined] of asList(selector.refinedBy).entries())
      checkSelector(refined, `${where}.refinedBy[${i}]`, problems);
  }
}

function checkMotivation(value: unknown, where: string, problems: string[]): void {
  for (const motivation of asList(value)) {
    if (!(MOTIVATIONS as readonly unknown[]).includes(motivation))
      problems.push(`${where}: ${JSON.stringify(motivation)} is not a motivation of the model`);
  }
}

function checkTarget(target: unknown, where: string, problems: string[]): void {
  if (typeof target === 'string') {
    if (!isIri(target)) problems.push(`${where}: not an IRI: ${JSON.stringify(target)}`);
    return;
  }
  if (!isObject(target)) {
    problems.push(`${where}: must be an IRI or an object`);
    return;
  }
  const specific = 'source' in target || 'selector' in target || typesOf(target).includes('SpecificResource');
  if (!specific) {
    if (!isIri(target.id)) problems.push(`${where}: needs a source or an id IRI`);
    return;
  }
  const source = isObject(target.source) ? target.source.id : target.source;
  if (!isIri(source)) problems.push(`${where}: needs a source IRI`);
  if ('selector' in target) {
    const selectors = asList(target.selector);
    if (!selectors.length) problems.push(`${where}: selector is empty`);
    for (const [i, selector] of selectors.entries()) checkSelector(selector, `${where}.selector[${i}]`, problems);
  }
}

function checkBody(body: unknown, where: string, problems: string[]): void {
  if (typeof body === 'string') {
    if (!isIri(body)) problems.push(`${where}: not an IRI: ${JSON.stringify(body)}`);
    return;
  }
  if (!isObject(body)) {
    problems.push(`${where}: must be an IRI or an object`);
    return;
  }
  const types = typesOf(body);
  if (!types.length) {
    problems.push(`${where}: has no type`);
    return;
  }
  if (!types.some((type) => BODY_TYPES.has(type) || /^[A-Za-z][\w.-]*:/.test(type)))
    problems.push(`${where}: unknown body type ${JSON.stringify(body.type)}`);
  if ('purpose' in body) checkMotivation(body.purpose, `${where}.purpose`, problems);
  if (types.includes('TextualBody') && typeof body.value !== 'string')
    problems.push(`${where}: TextualBody needs a value`);
  if (types.includes('SpecificResource')) {
    const source = isObject(body.source) ? body.source.id : body.source;
    if (!isIri(source)) problems.push(`${where}: SpecificResource needs a source IRI`);
    if ('selector' in body) {
      for (const [i, selector] of asList(body.selector).entries())
        checkSelector(selector, `${where}.selector[${i}]`, problems);
    }
  }
  if ('id' in body && !isIri(body.id)) problems.push(`${where}: id is not an IRI`);
}

function checkAnnotation(annotation: unknown, where: string, problems: string[]): void {
  if (!isObject(annotation)) {
    problems.push(`${where}: an annotation must be an object`);
    return;
  }
  if (!isIri(annotation.id)) problems.push(`${where}: needs an id IRI`);
  if (!typesOf(annotation).includes('Annotation')) problems.push(`${where}: type must include "Annotation"`);
  if (!('target' in annotation)) problems.push(`${where}: needs a target`);
  else {
    const targets = asList(annotation.target);
    if (!targets.length) problems.push(`${where}: needs a target`);
    for (const [i, target] of targets.entries())
      checkTarget(target, Array.isArray(annotation.target) ? `${where}.target[${i}]` : `${where}.target`, problems);
  }
  if ('motivation' in annotation) checkMotivation(annotation.motivation, `${where}.motivation`, problems);
  if ('body' in annotation) {
    for (const [i, body] of asList(annotation.body).entries())
      checkBody(body, Array.isArray(annotation.body) ? `${where}.body[${i}]` : `${where}.body`, problems);
  }
  if (
    'created' in annotation &&
    (typeof annotation.created !== 'string' || Number.isNaN(Date.parse(annotation.created)))
  )
    problems.push(`${where}: created is not a date-time`);
}

function checkContext(value: Record<string, unknown>, problems: string[]): void {
  const context = value['@context'];
  if (context === undefined) problems.push('@context is missing');
  else if (Array.isArray(context) ? !context.includes(ANNOTATION_CONTEXT) : context !== ANNOTATION_CONTEXT)
    problems.push(`@context must be (or include) ${ANNOTATION_CONTEXT}`);
}

/**
 * Problems with an Annotation, an AnnotationPage or an AnnotationCollection (with its embedded pages)
 * against the model's required fields; an empty list means none were found. Checks: @context on the
 * top level, ids are IRIs, types, targets with a source and selectors of known types with their
 * required keys, motivations and purposes from the model's list, typed bodies.
 */
export function validateAnnotation(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['not a JSON object'];
  checkContext(value, problems);
  const types = typesOf(value);
  if (types.includes('AnnotationCollection')) {
    if (!isIri(value.id)) problems.push('collection: needs an id IRI');
    if ('total' in value && !(Number.isInteger(value.total) && (value.total as number) >= 0))
      problems.push('collection: total must be a non-negative integer');
    let counted = 0;
    let embedded = true;
    for (let page = value.first, i = 0; page !== undefined; i++) {
      if (typeof page === 'string') {
        embedded = false; // a page by reference: not here to check
        break;
      }
      if (!isObject(page) || !typesOf(page).includes('AnnotationPage')) {
        problems.push(`collection.page[${i}]: must be an AnnotationPage`);
        break;
      }
      if (!isIri(page.id)) problems.push(`collection.page[${i}]: needs an id IRI`);
      if (!Array.isArray(page.items)) problems.push(`collection.page[${i}]: needs an items array`);
      else {
        page.items.forEach((item, j) => checkAnnotation(item, `collection.page[${i}].items[${j}]`, problems));
        counted += page.items.length;
      }
      page = page.next;
    }
    if (embedded && Number.isInteger(value.total) && counted !== value.total)
      problems.push(`collection: total is ${String(value.total)} but the pages hold ${counted} annotations`);
  } else if (types.includes('AnnotationPage')) {
    if (!isIri(value.id)) problems.push('page: needs an id IRI');
    if (!Array.isArray(value.items)) problems.push('page: needs an items array');
    else value.items.forEach((item, j) => checkAnnotation(item, `page.items[${j}]`, problems));
  } else {
    checkAnnotation(value, 'annotation', problems);
  }
  return problems;
}
