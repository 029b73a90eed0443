/**
 * npm run knowledge            compile assets/archive + assets/curated → assets/knowledge.json
 * npm run knowledge -- --check fail if the committed pack is stale
 * npm run knowledge -- --report list names in the archive that no entity covers
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { coverageReport } from '../knowledge/coverage';
import { KnowledgeError } from '../knowledge/validate';
import { PACK_PATH, buildPack, loadInputs, serializePack } from '../node/knowledge-files';

function main(args: string[]): number {
  try {
    if (args.includes('--report')) {
      const inputs = loadInputs();
      const pack = buildPack();
      const ignorePath = new URL('../../assets/curated/coverage-ignore.json', import.meta.url);
      const ignored = JSON.parse(readFileSync(ignorePath, 'utf8')) as Record<string, string>;
      const report = coverageReport(pack, inputs.archive, ignored);
      console.log(`Capitalised names and acronyms in the archive not covered by an entity: ${report.length}`);
      for (const row of report)
        console.log(`${String(row.count).padStart(3)}  ${row.name}  (${row.sources.join(', ')})`);
      return 0;
    }
    const text = serializePack(buildPack());
    if (args.includes('--check')) {
      const committed = readFileSync(PACK_PATH, 'utf8');
      if (committed !== text) {
        console.error('assets/knowledge.json is stale: run `npm run knowledge` and commit the result.');
        return 1;
      }
      console.log('assets/knowledge.json is up to date.');
      return 0;
    }
    writeFileSync(PACK_PATH, text);
    const pack = JSON.parse(text) as ReturnType<typeof buildPack>;
    console.log(
      `Wrote assets/knowledge.json (${pack.version}): ${pack.entities.length} entities, ${pack.claims.length} claims, ` +
        `${pack.passages.length} passages, ${pack.sources.length} sources, ${(text.length / 1024).toFixed(0)} KiB.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(`The knowledge files have ${error.issues.length} problem(s):\n${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
