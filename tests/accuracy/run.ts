/**
 * npm run accuracy [-- --pack PATH] [-- --sentences PATH]
 * Precision and recall of entities and claims on tests/accuracy/sentences.json; exits 1 when a
 * target is missed (see evaluate.ts for the targets). Then the same set beside the real-news
 * development corpus (../shared/realtext, when present), per language and as one mixed page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matcherFromPack } from '../../lib/findings/annotate';
import { readPack } from '../../lib/tools/node/annotate-files';
import { PACK_PATH } from '../../lib/tools/node/knowledge-files';
import { asSentences, evaluate, formatReport } from './evaluate';
import { corpusFigures, findCorpus, formatSideBySide, teamSetFigures } from './side-by-side';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const args = process.argv.slice(2);
const packPath = option(args, '--pack') ?? PACK_PATH;
const sentencesPath = option(args, '--sentences') ?? join(import.meta.dirname, 'sentences.json');
const pack = readPack(packPath);
const matcher = matcherFromPack(pack);
const sentences = asSentences(JSON.parse(readFileSync(sentencesPath, 'utf8')));
const report = evaluate(pack, sentences, undefined, matcher);
console.log(formatReport(report));
const corpus = findCorpus(join(import.meta.dirname, '..', '..'));
console.log(
  `\n${formatSideBySide(teamSetFigures(pack, sentences, matcher), corpus ? corpusFigures(corpus, matcher) : undefined)}`,
);
process.exitCode = report.failures.length ? 1 : 0;
