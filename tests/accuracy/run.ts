/**
 * npm run accuracy [-- --pack PATH] [-- --sentences PATH]
 * Precision and recall of entities and claims on tests/accuracy/sentences.json; exits 1 when a
 * target is missed (see evaluate.ts for the targets).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPack } from '../../lib/tools/node/annotate-files';
import { PACK_PATH } from '../../lib/tools/node/knowledge-files';
import { asSentences, evaluate, formatReport } from './evaluate';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const args = process.argv.slice(2);
const packPath = option(args, '--pack') ?? PACK_PATH;
const sentencesPath = option(args, '--sentences') ?? join(import.meta.dirname, 'sentences.json');
const report = evaluate(readPack(packPath), asSentences(JSON.parse(readFileSync(sentencesPath, 'utf8'))));
console.log(formatReport(report));
process.exitCode = report.failures.length ? 1 : 0;
