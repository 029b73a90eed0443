/**
 * npm run --silent annotate -- [--format json|text|jsonld|markdown|csv] [--pack PATH] FILE...
 * Entities and claims of the knowledge pack found in .txt and .html files (as JSON, a listing, W3C
 * Web Annotations, a Markdown brief or CSV: lib/export/); the logic is in
 * tools/cli/annotate-command.ts (runAnnotate), the Node side in tools/node/annotate-files.ts.
 * Exit codes: 0 done, 2 usage or input error (unknown option, missing or unsupported file, binary or
 * over 64 MiB file, unreadable pack). Text that is not UTF-8 is read as Latin-1, said on stderr.
 */
import { runAnnotate } from './annotate-command';
import { nodeAnnotateIo } from '../node/annotate-files';

process.exitCode = await runAnnotate(process.argv.slice(2), nodeAnnotateIo);
