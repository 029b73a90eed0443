/** Node-side reading for `npm run annotate`: the pack, and a file's text as the content script sees it. */
import { readFileSync, statSync } from 'node:fs';
import { Window } from 'happy-dom';
import { type AnnotateIo, type AnnotationPack, type FileKind, asAnnotationPack, documentText } from '../annotate';
import { PACK_PATH } from './knowledge-files';

export function readPack(path: string): AnnotationPack {
  return asAnnotationPack(JSON.parse(readFileSync(path, 'utf8')));
}

/** The page text of an HTML document, extracted with the content script's text index (happy-dom DOM). */
export async function htmlText(html: string): Promise<string> {
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
    return documentText(doc as unknown as Document);
  } finally {
    await window.happyDOM.close();
  }
}

/** The text to annotate: a .txt file as is, an .html/.htm file's page text. */
export async function readFileText(path: string, kind: FileKind): Promise<string> {
  const content = readFileSync(path, 'utf8');
  return kind === 'html' ? htmlText(content) : content;
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
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};
