import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { scriptJson } from '../compile/components/chartFigure.ts';
import type { DeckError } from '../compile/deckError.ts';
import { type DevPageState, devPageStateName, type OverlayError } from '../contract/devEvents.ts';
import { runtimeDir } from '../render/runtimeFiles.ts';
import { inlineScript, inlineScriptHash, policyHeader } from '../render/standaloneDocument.ts';

/** A page's client: the script element, and the hash source its policy allows it by. */
export interface PageClient {
  script: Element;
  hash: string;
}

let bundle: { built: number; text: Promise<string> } | undefined;

/** The bundled client (`vite build --mode dev-client`), read again when it was rebuilt. */
async function clientBundle(): Promise<string> {
  const file = `${runtimeDir}podium-dev-client.js`;
  const built = await stat(file).then(
    (info) => info.mtimeMs,
    (error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT'
        ? new Error(`The podium dev page client is not built (${file}). Run: npm run build:tool`)
        : error;
    },
  );
  if (bundle?.built !== built) bundle = { built, text: readFile(file, 'utf8') };
  return bundle.text;
}

/** The client for one page: the bundle, after the page's state under the name it reads it by. */
export async function pageClient(state: DevPageState): Promise<PageClient> {
  const text = `const ${devPageStateName} = ${scriptJson(state)};\n${await clientBundle()}`;
  return { script: inlineScript(text, { type: 'module' }), hash: inlineScriptHash(text) };
}

/**
 * A built deck as a dev page: the client first in the head, in place of the document's own policy,
 * which the dev server sends as a header instead (allowing the client too). The build's tree is
 * left as it is.
 */
export function withClient(document: Root, client: PageClient): Root {
  const isPolicy = (node: Root['children'][number]) =>
    node.type === 'element' && node.tagName === 'meta' && String(node.properties.httpEquiv) === policyHeader;
  return {
    ...document,
    children: document.children.map((html) =>
      html.type === 'element' && html.tagName === 'html'
        ? {
            ...html,
            children: html.children.map((head) =>
              head.type === 'element' && head.tagName === 'head'
                ? { ...head, children: head.children.flatMap((node) => (isPolicy(node) ? [client.script] : [node])) }
                : head,
            ),
          }
        : html,
    ),
  };
}

/** An error as Vite's overlay shows it. */
export function overlayError(error: DeckError): OverlayError {
  return {
    message: `${error.message}${error.hint ? `\n${error.hint}` : ''}`,
    stack: '',
    id: error.place.file,
    frame: error.frame(),
    plugin: 'podium',
    loc: { file: error.place.file, line: error.place.line, column: error.place.column },
  };
}

/** What a deck that does not build shows in place of its slides: the error, in Vite's overlay. */
export function errorDocument(error: DeckError, client: PageClient): Root {
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('title', `Error in ${basename(error.place.file)}`),
          client.script,
        ]),
        // The overlay covers this; without script the message is still here.
        h('body', [h('pre', error.format(dirname(error.place.file)))]),
      ]),
    ],
  };
}
