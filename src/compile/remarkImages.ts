import type { Image, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { dirname, extname, join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { failOn, type Fail, type Point } from './deckMessages.ts';
import { outsideProjectHint, readInsideProject, type DeckFiles } from './deckFiles.ts';
import { eachNode } from './eachNode.ts';

export interface ImagesOptions {
  publicDir: string;
  files: DeckFiles;
}

const imageTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

/**
 * Inlines every image as a `data:` URL so the deck opens with no network and no folder
 * beside it. Paths are looked up beside the deck, then in `public/` (`/logo.png` too).
 * `<Split image="…">` is an image too.
 */
export function remarkImages({ publicDir, files }: ImagesOptions) {
  return (tree: Root, file: VFile) => {
    const fail: Fail = failOn(file);
    const inline = (url: string, node: { position?: Image['position'] }) =>
      embedImage(url, node.position?.start ?? { line: 1, column: 1 }, { deck: file.path, publicDir, files, fail });
    eachNode(tree, (node) => {
      if (node.type === 'image') {
        (node as Image).url = inline((node as Image).url, node);
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const element = node as MdxJsxFlowElement | MdxJsxTextElement;
        const name = element.name === 'img' ? 'src' : element.name === 'Split' ? 'image' : undefined;
        const src = element.attributes.find(
          (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name,
        );
        if (src && typeof src.value === 'string') src.value = inline(src.value, src.position ? src : node);
      }
    });
  };
}

export interface EmbedOptions extends ImagesOptions {
  /** The deck's path: relative paths are looked up beside it. */
  deck: string;
  fail: Fail;
  /** What the deck calls the image in messages, e.g. "Image" or "Logo". */
  what?: string;
}

/** An image file of the project (beside the deck or in `public/`) as a `data:` URL; a problem fails at `place`. */
export function embedImage(
  url: string,
  place: Point,
  { deck, publicDir, files, fail, what = 'Image' }: EmbedOptions,
): string {
  const named = `${what} "${url}"`;
  if (url.startsWith('data:')) return url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    fail(`${named} is on the network`, {
      place,
      hint: 'A shared deck must open offline: save the image into public/ or beside the deck and use its path.',
      ruleId: 'image-remote',
    });
  }
  const path = decodedPath(url.split(/[?#]/)[0]);
  const type = imageTypes[extname(path).toLowerCase()];
  if (!type) {
    fail(`${named} is not a supported image type`, {
      place,
      hint: `Use one of ${Object.keys(imageTypes).join(', ')}.`,
      ruleId: 'image-type',
    });
  }
  const candidates = path.startsWith('/')
    ? [join(publicDir, path)]
    : [resolve(dirname(deck), path), join(publicDir, path)];
  for (const candidate of candidates) {
    const bytes = readInsideProject(
      () => files.readBytes(candidate),
      () =>
        fail(`${named} is outside the project`, {
          place,
          hint: outsideProjectHint,
          ruleId: 'file-outside-project',
        }),
    );
    if (bytes) return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
  }
  const where = path.startsWith('/') ? 'in public/' : 'beside the deck or in public/';
  return fail(`Cannot find ${what.toLowerCase()} "${url}" ${where}`, {
    place,
    hint: 'Check the file name and its folder; images any deck can use go in public/.',
    ruleId: 'image-missing',
  });
}

/** `my%20logo.png` means `my logo.png`; a lone `%` (as in `50%.png`) is taken as written. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
