// What a dev page's client uses of Vite's client module. The bundle imports it from /@vite/client,
// where the dev server serves it (see vite.config.ts); a name with a leading slash cannot be typed.
declare module '@vite/client' {
  import type { ErrorPayload } from 'vite/types/hmrPayload.js';
  import type { ViteHotContext } from 'vite/types/hot.js';

  export function createHotContext(ownerPath: string): ViteHotContext;

  /** Vite's error overlay, a custom element. */
  export class ErrorOverlay extends HTMLElement {
    constructor(err: ErrorPayload['err'], links?: boolean);
  }
}
