/**
 * Deterministic knowledge packs of a given size for benchmarks: the real pack's entities, claims,
 * sources and passages, plus synthetic name-like entities (people "First Last" / "First M. Last",
 * organisations "Place Noun Kind" / "Place Noun Abbr.") until the pack holds `aliasCount` distinct alias
 * strings (entity names count as aliases). Same input, same output, on every machine.
 *
 *   npx tsx tests/bench/generate-pack.ts 10000 out.json   writes a pack built from assets/knowledge.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, EntityType, KnowledgePack } from '../../lib/knowledge/types';

// prettier-ignore
export const FIRST_NAMES = [
  'Aaron', 'Abigail', 'Adrian', 'Agnes', 'Ahmed', 'Aisha', 'Alan', 'Alba', 'Alejandra', 'Alexei', 'Alice', 'Amara',
  'Ana', 'Andrea', 'Andrew', 'Anna', 'Anton', 'Arturo', 'Astrid', 'Ben', 'Beatriz', 'Bogdan', 'Brian', 'Bruno',
  'Camila', 'Carlos', 'Carmen', 'Catherine', 'Cecilia', 'Charles', 'Chen', 'Chloe', 'Claire', 'Colin', 'Dalia',
  'Daniel', 'Daniela', 'David', 'Diana', 'Diego', 'Dmitri', 'Dolores', 'Edith', 'Eduardo', 'Elena', 'Elias', 'Elif',
  'Emily', 'Emma', 'Enrique', 'Eric', 'Esther', 'Eva', 'Fatima', 'Felipe', 'Fernando', 'Fiona', 'Francis', 'Gabriel',
  'Gabriela', 'George', 'Gloria', 'Grace', 'Greta', 'Hana', 'Hannah', 'Hassan', 'Helen', 'Henrik', 'Hugo', 'Ian',
  'Ibrahim', 'Ines', 'Irene', 'Isabel', 'Ivan', 'Jacob', 'James', 'Jan', 'Javier', 'Jean', 'Jessica', 'Joanna',
  'John', 'Jorge', 'Jose', 'Julia', 'Julian', 'Karen', 'Karim', 'Katarina', 'Kenji', 'Laura', 'Layla', 'Leon', 'Lina',
  'Lucas', 'Lucia', 'Luis', 'Magdalena', 'Malik', 'Manuel', 'Marco', 'Margaret', 'Maria', 'Mark', 'Marta', 'Martin',
  'Mateo', 'Mei', 'Michael', 'Miguel', 'Mikhail', 'Mona', 'Nadia', 'Natalia', 'Nicolas', 'Nina', 'Noah', 'Olga',
  'Oliver', 'Omar', 'Oscar', 'Pablo', 'Patricia', 'Paul', 'Pedro', 'Peter', 'Priya', 'Rachel', 'Rafael', 'Ramon',
  'Rebecca', 'Ricardo', 'Rita', 'Robert', 'Rosa', 'Ruth', 'Samuel', 'Sara', 'Sebastian', 'Sergio', 'Simon', 'Sofia',
  'Sonia', 'Stefan', 'Susan', 'Tariq', 'Teresa', 'Thomas', 'Tomas', 'Valentina', 'Victor', 'Victoria', 'Walter',
  'Yusuf', 'Zainab', 'Zoe',
];

// prettier-ignore
export const LAST_NAMES = [
  'Abbott', 'Acosta', 'Adler', 'Aguilar', 'Ahmadi', 'Alvarez', 'Andersen', 'Arias', 'Bailey', 'Baker', 'Barros',
  'Becker', 'Bell', 'Bennett', 'Bianchi', 'Blanco', 'Brandt', 'Brooks', 'Brown', 'Bruno', 'Calderon', 'Campbell',
  'Cardenas', 'Carter', 'Castillo', 'Castro', 'Chavez', 'Clarke', 'Cohen', 'Collins', 'Cooper', 'Cortes', 'Costa',
  'Cruz', 'Dahl', 'Davies', 'Delgado', 'Diaz', 'Dubois', 'Duarte', 'Dunn', 'Edwards', 'Eriksen', 'Espinoza', 'Evans',
  'Farah', 'Ferrari', 'Ferreira', 'Fischer', 'Fleming', 'Flores', 'Fontaine', 'Ford', 'Foster', 'Franco', 'Fuentes',
  'Garcia', 'Garza', 'Gomez', 'Gonzalez', 'Graham', 'Gray', 'Greco', 'Green', 'Guerrero', 'Gutierrez', 'Hall',
  'Hansen', 'Harris', 'Hart', 'Hayes', 'Herrera', 'Hoffmann', 'Holm', 'Howard', 'Hughes', 'Hussain', 'Ibarra',
  'Jansen', 'Jensen', 'Jimenez', 'Johnson', 'Jones', 'Kaplan', 'Keller', 'Kelly', 'Khan', 'Kim', 'King', 'Klein',
  'Koch', 'Kowalski', 'Kruger', 'Lambert', 'Lang', 'Larsen', 'Lee', 'Lehmann', 'Leon', 'Lewis', 'Lindqvist', 'Lopez',
  'Lozano', 'Lund', 'Maier', 'Marin', 'Marino', 'Marquez', 'Martin', 'Martinez', 'Meyer', 'Miller', 'Mitchell',
  'Molina', 'Moore', 'Morales', 'Moreau', 'Moreno', 'Muller', 'Murphy', 'Navarro', 'Nielsen', 'Novak', 'Nunez',
  'Ochoa', 'Okafor', 'Olsen', 'Ortega', 'Ortiz', 'Owens', 'Pacheco', 'Park', 'Parker', 'Pereira', 'Perez', 'Petrov',
  'Phillips', 'Pineda', 'Popescu', 'Price', 'Quinn', 'Ramirez', 'Ramos', 'Reed', 'Reyes', 'Richter', 'Rios', 'Rivera',
  'Roberts', 'Robinson', 'Rodriguez', 'Romero', 'Rossi', 'Ruiz', 'Russo', 'Salazar', 'Sanchez', 'Santos', 'Schmidt',
  'Schneider', 'Schulz', 'Scott', 'Serrano', 'Shah', 'Silva', 'Simmons', 'Smith', 'Sokolov', 'Soto', 'Stewart',
  'Suarez', 'Sullivan', 'Tanaka', 'Taylor', 'Thompson', 'Torres', 'Turner', 'Valdez', 'Vargas', 'Vasquez', 'Vega',
  'Vidal', 'Vogel', 'Wagner', 'Walker', 'Wallace', 'Ward', 'Weber', 'White', 'Williams', 'Wilson', 'Wolf', 'Wood',
  'Wright', 'Yilmaz', 'Young', 'Zamora', 'Zimmermann',
];

// prettier-ignore
export const PLACE_WORDS = [
  'Atlantic', 'Pacific', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Coastal', 'Andean', 'Caribbean',
  'Baltic', 'Nordic', 'Iberian', 'Alpine', 'Gulf', 'Delta', 'Harbour', 'Riverside', 'Highland', 'Lowland', 'Metro',
  'Capital', 'Frontier', 'Continental', 'Global', 'National', 'Regional', 'Federal', 'Provincial', 'Municipal',
  'Antwerp', 'Rotterdam', 'Hamburg', 'Lisbon', 'Valencia', 'Marseille', 'Genoa', 'Bogota', 'Medellin', 'Cali', 'Lima',
  'Quito', 'Guayaquil', 'Panama', 'Monterrey', 'Tijuana', 'Houston', 'Miami', 'Caracas', 'Maracaibo',
];

// prettier-ignore
export const ORG_NOUNS = [
  'Shipping', 'Logistics', 'Maritime', 'Security', 'Defence', 'Energy', 'Mining', 'Finance', 'Trade', 'Customs',
  'Port', 'Justice', 'Health', 'Research', 'Policy', 'Media', 'Transport', 'Aviation', 'Agriculture', 'Water',
  'Telecom', 'Banking', 'Insurance', 'Chemical', 'Pharmaceutical', 'Freight', 'Fisheries', 'Border', 'Coast',
  'Intelligence', 'Development', 'Migration', 'Rights', 'Labour', 'Farmers', 'Veterans', 'Students', 'Workers',
];

/** Organisation kinds with the short form used as the second alias. */
export const ORG_KINDS: readonly (readonly [string, string])[] = [
  ['Authority', 'Auth.'],
  ['Agency', 'Agcy.'],
  ['Company', 'Co.'],
  ['Group', 'Grp.'],
  ['Council', 'Cncl.'],
  ['Institute', 'Inst.'],
  ['Foundation', 'Fdn.'],
  ['Association', 'Assn.'],
  ['Commission', 'Commn.'],
  ['Alliance', 'All.'],
  ['Corporation', 'Corp.'],
  ['Holdings', 'Hldgs.'],
  ['Federation', 'Fed.'],
  ['Bureau', 'Bur.'],
];

const LETTERS = 'ABCDEFGHJKLMNPRSTW';

/** Small, fast, deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Candidate {
  type: EntityType;
  name: string;
  aliases: string[];
}

/** Every synthetic entity the generator can make, in a fixed pseudo-random order (about 60,000). */
function candidates(): Candidate[] {
  const random = seededRandom(20251121);
  const people: Candidate[] = [];
  for (const first of FIRST_NAMES) {
    for (const last of LAST_NAMES) {
      const initial = LETTERS[Math.floor(random() * LETTERS.length)]!;
      people.push({ type: 'person', name: `${first} ${last}`, aliases: [`${first} ${initial}. ${last}`] });
    }
  }
  const organisations: Candidate[] = [];
  for (const place of PLACE_WORDS) {
    for (const noun of ORG_NOUNS) {
      for (const [kind, short] of ORG_KINDS) {
        organisations.push({
          type: 'organisation',
          name: `${place} ${noun} ${kind}`,
          aliases: [`${place} ${noun} ${short}`],
        });
      }
    }
  }
  // Interleave both lists, each in shuffled order: two people, then one organisation.
  const p = shuffled(people, random);
  const o = shuffled(organisations, random);
  const out: Candidate[] = [];
  for (let i = 0, j = 0; i < p.length || j < o.length;) {
    if (i < p.length) out.push(p[i++]!);
    if (i < p.length) out.push(p[i++]!);
    if (j < o.length) out.push(o[j++]!);
  }
  return out;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Distinct alias strings (names included) of a pack's entities. */
export function aliasCount(pack: Pick<KnowledgePack, 'entities'>): number {
  const all = new Set<string>();
  for (const entity of pack.entities) {
    all.add(entity.name);
    for (const alias of entity.aliases) all.add(alias);
  }
  return all.size;
}

/**
 * The real pack plus synthetic entities until it holds `targetAliases` distinct alias strings (the
 * last synthetic entity may bring only its name). Below the real pack's own count, returns it as is.
 */
export function generatePack(real: KnowledgePack, targetAliases: number): KnowledgePack {
  const seen = new Set<string>();
  for (const entity of real.entities) {
    seen.add(entity.name);
    for (const alias of entity.aliases) seen.add(alias);
  }
  const ids = new Set(real.entities.map((entity) => entity.id));
  const entities: Entity[] = [...real.entities];
  const pool = candidates();
  for (const candidate of pool) {
    if (seen.size >= targetAliases) break;
    if (seen.has(candidate.name)) continue;
    seen.add(candidate.name);
    const aliases = candidate.aliases.filter((alias) => !seen.has(alias)).slice(0, targetAliases - seen.size);
    for (const alias of aliases) seen.add(alias);
    let id = `synthetic-${slug(candidate.name)}`;
    while (ids.has(id)) id += '-x';
    ids.add(id);
    entities.push({
      id,
      type: candidate.type,
      name: candidate.name,
      aliases,
      ambiguous: [],
      cues: [],
      caseSensitive: [],
      summary: `Synthetic ${candidate.type} for benchmarks.`,
      sources: [],
      related: [],
      passages: [],
      // Newer packs list phrases that contain an alias but name something else; none here.
      exclude: [],
    } as Entity);
  }
  if (seen.size < targetAliases) {
    throw new Error(`generatePack: can make at most ${seen.size} aliases, asked for ${targetAliases}`);
  }
  return {
    ...real,
    version: `${real.version}+bench-${targetAliases}`,
    name: `${real.name} (benchmark, ${targetAliases} aliases)`,
    entities,
  };
}

/**
 * A pack a person could import beside the bundled one: the synthetic entities of generatePack (about
 * `targetAliases` aliases, none of the bundled pack's), each citing the real pack's first source.
 */
export function importablePack(real: KnowledgePack, targetAliases: number): KnowledgePack {
  const generated = generatePack(real, targetAliases + aliasCount(real));
  const realIds = new Set(real.entities.map((entity) => entity.id));
  const source = real.sources[0]!;
  return {
    ...generated,
    name: `Imported benchmark pack (${targetAliases} aliases)`,
    sources: [source],
    entities: generated.entities.filter((e) => !realIds.has(e.id)).map((e) => ({ ...e, sources: [source.id] })),
    claims: [],
    passages: [],
  };
}

export function readRealPack(root = join(import.meta.dirname, '..', '..')): KnowledgePack {
  return JSON.parse(readFileSync(join(root, 'assets', 'knowledge.json'), 'utf8')) as KnowledgePack;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [count, out] = process.argv.slice(2);
  if (!count || !out) {
    console.error('usage: tsx tests/bench/generate-pack.ts ALIAS_COUNT OUT.json');
    process.exit(1);
  }
  const pack = generatePack(readRealPack(), Number(count));
  writeFileSync(out, JSON.stringify(pack));
  console.log(`Wrote ${out}: ${pack.entities.length} entities, ${aliasCount(pack)} aliases`);
}
