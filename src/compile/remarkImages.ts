import type { Image, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { dirname, extname, join, resolve } from 'node:path';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { failOn, type Fail } from './deckMessages.ts';
import { outsideProjectHint, readInsideProject, type DeckFiles } from './deckFiles.ts';

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
 */
export function remarkImages({ publicDir, files }: ImagesOptions) {
  return (tree: Root, file: VFile) => {
    const fail: Fail = failOn(file);
    const inline = (url: string, node: { position?: Image['position'] }) => inlined(url, node, file.path, fail);
    visit(tree, (node) => {
      if (node.type === 'image') {
        (node as Image).url = inline((node as Image).url, node);
      } else if (
        (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
        (node as MdxJsxFlowElement).name === 'img'
      ) {
        const src = (node as MdxJsxFlowElement | MdxJsxTextElement).attributes.find(
          (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'src',
        );
        if (src && typeof src.value === 'string') src.value = inline(src.value, src.position ? src : node);
      }
    });
  };

  function inlined(url: string, node: { position?: Image['position'] }, file: string, fail: Fail): string {
    const place = node.position?.start ?? { line: 1, column: 1 };
    if (url.startsWith('data:')) return url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
      fail(`Image "${url}" is on the network`, {
        place,
        hint: 'A shared deck must open offline: save the image into public/ or beside the deck and use its path.',
        ruleId: 'image-remote',
      });
    }
    const path = decodedPath(url.split(/[?#]/)[0]);
    const type = imageTypes[extname(path).toLowerCase()];
    if (!type) {
      fail(`Image "${url}" is not a supported image type`, {
        place,
        hint: `Use one of ${Object.keys(imageTypes).join(', ')}.`,
        ruleId: 'image-type',
      });
    }
    const candidates = path.startsWith('/')
      ? [join(publicDir, path)]
      : [resolve(dirname(file), path), join(publicDir, path)];
    for (const candidate of candidates) {
      const bytes = readInsideProject(
        () => files.readBytes(candidate),
        () =>
          fail(`Image "${url}" is outside the project`, {
            place,
            hint: outsideProjectHint,
            ruleId: 'file-outside-project',
          }),
      );
      if (bytes) return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
    }
    const where = path.startsWith('/') ? 'in public/' : 'beside the deck or in public/';
    return fail(`Cannot find image "${url}" ${where}`, {
      place,
      hint: 'Check the file name and its folder; images any deck can use go in public/.',
      ruleId: 'image-missing',
    });
  }
}

/** `my%20logo.png` means `my logo.png`; a lone `%` (as in `50%.png`) is taken as written. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
