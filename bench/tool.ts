import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Loads a module of the built tool (lib/), as `podium` itself runs it; the type comes from
 * the source, so benchmarks type-check against src/ but time what users run.
 */
export function builtModule<Module>(path: string): Promise<Module> {
  return import(pathToFileURL(join(process.cwd(), 'lib', path)).href) as Promise<Module>;
}
