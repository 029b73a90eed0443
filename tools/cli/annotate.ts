/**
 * npm run --silent annotate -- [--format json|text|jsonld|markdown|csv] [--pack PATH] FILE...
 * Entities and claims of the knowledge pack found in .txt and .html files (as JSON, a listing, W3C
 * Web Annotations, a Markdown brief or CSV: lib/export/); the logic is in
 * tools/cli/annotate-command.ts (runAnnotate), the Node side in tools/node/annotate-files.ts.
 * Exit codes: 0 done, 2 usage error (unknown option, missing or unsupported file, unreadable pack).
 */
import { runAnnotate } from './annotate-command';
import { nodeAnnotateIo } from '../node/annotate-files';

process.exitCode = await runAnnotate(process.argv.slice(2), nodeAnnotateIo);
