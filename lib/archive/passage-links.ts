/**
 * Where a passage names its entities, so the archive browser can link the names in place. The pack
 * says which entities a passage holds (the compiler matched them); this finds the words again: the
 * entity's name or aliases, folded (case, accents, hyphens), on word boundaries, leftmost-longest.
 */
import { foldCode, foldKey, isWordCharAt } from '../text/fold';

export interface NamedEntity {
  id: string;
  names: readonly string[];
}

export interface Segment {
  text: string;
  /** Set when the segment names an entity. */
  entityId?: string;
}

/** Folds each code unit on its own, so offsets in the result are offsets in `text`. */
function foldInPlace(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

/**
 * The passage cut into plain and entity-naming segments. `found` lists the entities named in place;
 * entities whose words could not be found (a pronoun, a paraphrase) are left for the caller to list.
 */
export function linkSegments(
  text: string,
  entities: readonly NamedEntity[],
): { segments: Segment[]; found: Set<string> } {
  const folded = foldInPlace(text);
  const spans: { start: number; end: number; id: string }[] = [];
  for (const entity of entities) {
    for (const name of entity.names) {
      const key = foldKey(name);
      if (key.length < 2) continue;
      for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
        const end = at + key.length;
        if (!isWordCharAt(text, at - 1) && !isWordCharAt(text, end)) spans.push({ start: at, end, id: entity.id });
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  const found = new Set<string>();
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start) });
    segments.push({ text: text.slice(span.start, span.end), entityId: span.id });
    found.add(span.id);
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return { segments, found };
}
