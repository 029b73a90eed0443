/** The bundled demo page's findings with the real knowledge pack, extracted as the CLI does (happy-dom + text index). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { annotateText, matcherFromPack } from '../../../../lib/findings/annotate';
import { type PageFindingsData, asExportPack } from '../../../../lib/export/findings';
import type { KnowledgePack } from '../../../../lib/knowledge/types';
import { htmlPage, readPack } from '../../../../lib/tools/node/annotate-files';
import { PACK_PATH, PROJECT_ROOT } from '../../../../lib/tools/node/knowledge-files';

export const DEMO = join(PROJECT_ROOT, 'tests', 'fixtures', 'pages', 'demo.html');

export async function demoFindings(): Promise<{ findings: PageFindingsData; pack: KnowledgePack }> {
  const matchable = readPack(PACK_PATH);
  const { text, title } = await htmlPage(readFileSync(DEMO, 'utf8'));
  const findings: PageFindingsData = {
    url: pathToFileURL(DEMO).href,
    title,
    text,
    ...annotateText(matcherFromPack(matchable), text),
  };
  return { findings, pack: asExportPack(matchable) };
}
