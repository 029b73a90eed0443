/**
 * npm run knowledge             compile assets/archive + assets/curated → assets/knowledge.json
 * npm run knowledge -- --check  fail if the committed pack is stale
 * npm run knowledge -- --report list names in the archive that no entity covers
 * npm run knowledge -- --report-claims
 *                               list the archive's checkable sentences (figures, quotes, designations,
 *                               orders, dates...) that no claim covers and that claims-excluded.json
 *                               does not give a reason for
 * npm run knowledge -- --archive DIR --curated DIR --out FILE [--name NAME]
 *                               build a pack from your own archive (see assets/examples/custom-pack)
 * Exit codes: 0 done, 1 the knowledge files have problems (listed by field), 2 usage or path error
 * (one line: an unknown option, a missing folder or file, an article outside the archive folder).
 * Packs are written atomically (a temporary file renamed over the old one).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ClaimExclusion, claimCoverageReport } from '../../pack-compiler/claim-coverage';
import { coverageReport } from '../../pack-compiler/coverage';
import type { KnowledgePack } from '../../knowledge/types';
import { KnowledgeError } from '../../knowledge/validate';
import {
  DEFAULT_DIRS,
  KnowledgePathError,
  PACK_PATH,
  buildPack,
  loadClaimExclusions,
  loadInputs,
  serializePack,
  writeFileAtomic,
} from '../node/knowledge-files';

const USAGE =
  'usage: npm run knowledge -- [--check | --report | --report-claims | --archive DIR --curated DIR --out FILE [--name NAME]]';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function summary(pack: KnowledgePack, text: string): string {
  return (
    `${pack.entities.length} entities, ${pack.claims.length} claims, ${pack.passages.length} passages, ` +
    `${pack.sources.length} sources, ${(text.length / 1024).toFixed(0)} KiB`
  );
}

function printClaimCoverage(pack: KnowledgePack, exclusions: ClaimExclusion[]): void {
  const report = claimCoverageReport(pack, exclusions);
  console.log(
    `Checkable sentences in the archive: ${report.checkable}; stated, supported or disputed in a claim's evidence: ${report.byEvidence}; ` +
      `stating a claim (found by the claim matcher): ${report.byMatcher}; excluded with a reason: ${report.excluded}; ` +
      `uncovered: ${report.uncovered.length}`,
  );
  for (const sentence of report.uncovered)
    console.log(
      `#${sentence.passage} ${sentence.source} [${sentence.signals.join(', ')}]` +
        (sentence.contextOf.length ? ` context of ${sentence.contextOf.join(', ')}` : '') +
        `\n    ${sentence.text}`,
    );
  if (report.unusedExclusions.length) {
    console.log(`\nExclusions in claims-excluded.json that no longer apply: ${report.unusedExclusions.length}`);
    for (const { index, exclusion, why } of report.unusedExclusions)
      console.log(`$[${index}] ${exclusion.source} (${why}): ${exclusion.quote}`);
  }
}

function main(args: string[]): number {
  const known = ['--check', '--report', '--report-claims', '--archive', '--curated', '--out', '--name'];
  const unknown = args.filter((a, i) => a.startsWith('--') && !known.includes(a) && !known.includes(args[i - 1] ?? ''));
  if (unknown.length) {
    console.error(`Unknown option ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  try {
    const archive = option(args, '--archive');
    const curated = option(args, '--curated');
    if (archive || curated) {
      const out = option(args, '--out');
      if (!archive || !curated || !out) {
        console.error(`--archive, --curated and --out go together\n${USAGE}`);
        return 2;
      }
      const dirs = { archive: resolve(archive), curated: resolve(curated) };
      // A pack needs a name people recognise in the options page: by default its publisher's.
      const name = option(args, '--name') ?? `${loadInputs(dirs).archive.articles[0]?.publisher ?? 'Custom'} archive`;
      const pack = buildPack(dirs, name);
      const text = serializePack(pack);
      writeFileAtomic(out, text);
      console.log(`Wrote ${out} ("${pack.name}", ${pack.version}): ${summary(pack, text)}.`);
      return 0;
    }
    if (args.includes('--report')) {
      const inputs = loadInputs();
      const pack = buildPack();
      const ignored = JSON.parse(readFileSync(join(DEFAULT_DIRS.curated, 'coverage-ignore.json'), 'utf8')) as Record<
        string,
        string
      >;
      const report = coverageReport(pack, inputs.archive, ignored);
      console.log(`Capitalised names and acronyms in the archive not covered by an entity: ${report.length}`);
      for (const row of report)
        console.log(`${String(row.count).padStart(3)}  ${row.name}  (${row.sources.join(', ')})`);
      return 0;
    }
    if (args.includes('--report-claims')) {
      printClaimCoverage(buildPack(), loadClaimExclusions());
      return 0;
    }
    const pack = buildPack();
    const text = serializePack(pack);
    if (args.includes('--check')) {
      if (readFileSync(PACK_PATH, 'utf8') !== text) {
        console.error('assets/knowledge.json is stale: run `npm run knowledge` and commit the result.');
        return 1;
      }
      console.log('assets/knowledge.json is up to date.');
      return 0;
    }
    writeFileAtomic(PACK_PATH, text);
    console.log(`Wrote assets/knowledge.json (${pack.version}): ${summary(pack, text)}.`);
    return 0;
  } catch (error) {
    if (error instanceof KnowledgePathError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof KnowledgeError) {
      console.error(`The knowledge files have ${error.issues.length} problem(s):\n${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
