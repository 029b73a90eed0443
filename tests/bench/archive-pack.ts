/**
 * A deterministic archive-sized pack `factor` times the real one, for the archive browser benchmark:
 * every source, entity, claim and passage copied `factor - 1` more times. Copy k (k ≥ 1) has its own
 * ids (`<id>--c<k>`), dates moved k × 2 weeks earlier (so the timeline spans years), entity names
 * suffixed with "(k)" (the real name stays an alias, so copied passages still name the entity) and
 * passage indexes offset into its own copy of the passages. Copy 0 is the real pack, unchanged.
 *
 *   npx tsx tests/bench/archive-pack.ts 100 out.json
 */
import { writeFileSync } from 'node:fs';
import type { KnowledgePack } from '../../lib/knowledge/types';
import { readRealPack } from './generate-pack';

const DAY_MS = 86_400_000;

function shiftDate(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? date : new Date(time - days * DAY_MS).toISOString().slice(0, 10);
}

export function scaleArchivePack(real: KnowledgePack, factor: number): KnowledgePack {
  const pack: KnowledgePack = {
    ...real,
    version: `${real.version}+archive-x${factor}`,
    name: `${real.name} (benchmark, ${factor}×)`,
    sources: [...real.sources],
    entities: [...real.entities],
    claims: [...real.claims],
    passages: [...real.passages],
  };
  const passageCount = real.passages.length;
  for (let k = 1; k < factor; k++) {
    const id = (original: string) => `${original}--c${k}`;
    const days = k * 14;
    const offset = k * passageCount;
    for (const source of real.sources) {
      pack.sources.push({
        ...source,
        id: id(source.id),
        headline: source.headline && `${source.headline} (${k})`,
        date: shiftDate(source.date, days),
      });
    }
    for (const entity of real.entities) {
      pack.entities.push({
        ...entity,
        id: id(entity.id),
        name: `${entity.name} (${k})`,
        aliases: [entity.name, ...entity.aliases],
        sources: entity.sources.map(id),
        related: entity.related.map(id),
        passages: entity.passages.map((index) => index + offset),
      });
    }
    for (const claim of real.claims) {
      pack.claims.push({
        ...claim,
        id: id(claim.id),
        date: shiftDate(claim.date, days),
        ...(claim.claimantEntity ? { claimantEntity: id(claim.claimantEntity) } : {}),
        about: claim.about.map(id),
        evidence: claim.evidence.map((e) => ({ ...e, source: id(e.source), passage: e.passage + offset })),
      });
    }
    for (const passage of real.passages) pack.passages.push({ ...passage, source: id(passage.source) });
  }
  return pack;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [factor, out] = process.argv.slice(2);
  if (!factor || !out) {
    console.error('usage: tsx tests/bench/archive-pack.ts FACTOR OUT.json');
    process.exit(1);
  }
  const pack = scaleArchivePack(readRealPack(), Number(factor));
  writeFileSync(out, JSON.stringify(pack));
  console.log(
    `Wrote ${out}: ${pack.sources.length} sources, ${pack.entities.length} entities, ${pack.claims.length} claims, ${pack.passages.length} passages`,
  );
}
