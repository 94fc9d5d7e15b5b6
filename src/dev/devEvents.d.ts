// The dev server's events, typed wherever Vite's hot-update API carries them (server and page alike).
import type { DevEventMap } from '../contract/devEvents.ts';

declare module 'vite/types/customEvent.d.ts' {
  interface CustomEventMap extends DevEventMap {}
}
