/** Node-side reading for `npm run annotate`: the pack, and a file's text as the content script sees it. */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { type AnnotationPack, type FileKind, asAnnotationPack, documentText } from '../../lib/findings/annotate';
import type { AnnotateIo } from '../cli/annotate-command';
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

/** The text to annotate: a .txt file as is, an .html/.htm file's page text. */
export async function readFileText(path: string, kind: FileKind): Promise<string> {
  const content = readFileSync(path, 'utf8');
  return kind === 'html' ? htmlText(content) : content;
}

/** A file as a page for the export formats: its text, its title (HTML <title>, else the file name), its file: URL. */
export async function readFilePage(
  path: string,
  kind: FileKind,
): Promise<{ text: string; title: string; url: string }> {
  const content = readFileSync(path, 'utf8');
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
