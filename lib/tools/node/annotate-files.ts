/** Node-side reading for `npm run annotate`: the pack, and a file's text as the content script sees it. */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { type AnnotationPack, type FileKind, asAnnotationPack, documentText } from '../../findings/annotate';
import { type AnnotateIo, checkInputSize, decodeInput } from '../cli/annotate-command';
import { PACK_PATH } from './knowledge-files';

export function readPack(path: string): AnnotationPack {
  return asAnnotationPack(JSON.parse(readFileSync(path, 'utf8')));
}

/** The page text of an HTML document, extracted with the content script's text index (happy-dom DOM). */
export async function htmlText(html: string): Promise<string> {
  return (await htmlPage(html)).text;
}

/** An HTML document's page text (as htmlText) and its title (the <title>, whitespace collapsed). */
export async function htmlPage(html: string): Promise<{ text: string; title: string }> {
  // Scripts are never run (happy-dom's default) and nothing is fetched.
  const window = new Window({
    settings: {
      disableJavaScriptFileLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const title = (doc.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { text: documentText(doc as unknown as Document), title };
  } finally {
    await window.happyDOM.close();
  }
}

/** A file's text, checked: size first (before reading), then binary, UTF-8 or Latin-1 (said through `warn`). */
function readInput(path: string, warn?: (message: string) => void): string {
  checkInputSize(path, statSync(path).size);
  const { text, latin1 } = decodeInput(path, readFileSync(path));
  if (latin1) warn?.(`${path} is not UTF-8: read as Latin-1 (Windows-1252)`);
  return text;
}

/** The text to annotate: a .txt file as is, an .html/.htm file's page text. */
export async function readFileText(path: string, kind: FileKind, warn?: (message: string) => void): Promise<string> {
  const content = readInput(path, warn);
  return kind === 'html' ? htmlText(content) : content;
}

/** A file as a page for the export formats: its text, its title (HTML <title>, else the file name), its file: URL. */
export async function readFilePage(
  path: string,
  kind: FileKind,
  warn?: (message: string) => void,
): Promise<{ text: string; title: string; url: string }> {
  const content = readInput(path, warn);
  const url = pathToFileURL(resolve(path)).href;
  if (kind === 'text') return { text: content, title: basename(path), url };
  const page = await htmlPage(content);
  return { text: page.text, title: page.title || basename(path), url };
}

export const nodeAnnotateIo: AnnotateIo = {
  defaultPack: PACK_PATH,
  readPack,
  stat(path) {
    try {
      return statSync(path).isFile() ? 'file' : 'other';
    } catch {
      return 'missing';
    }
  },
  readText: readFileText,
  readPage: readFilePage,
  out: (text) => console.log(text),
  write: (text) => void process.stdout.write(text),
  err: (text) => console.error(text),
};
