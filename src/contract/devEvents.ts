/*
 * What `podium dev` and the client in its pages say to each other over Vite's websocket. Vite's
 * hot-update API carries them; CustomEventMap (augmented in src/dev) gives each event its type.
 */

export const devEvents = {
  /** Server → page: the deck was built again; reload. */
  update: 'podium:update',
  /** Server → page: the deck was built again and only slides changed; replace them in place. */
  slides: 'podium:slides',
  /** Server → page: the deck does not build; show the error. */
  error: 'podium:error',
  /** Page → server, on connecting: the build it shows, so it hears of a newer one. */
  hello: 'podium:hello',
  /** Page → server: slides taller than the slide area, for the terminal. */
  tooTall: 'podium:too-tall',
  /** Server → page, on its hello: the deck's warnings, one line each, for the bar at its foot. */
  warnings: 'podium:warnings',
} as const;

/** The performance measure a dev page records each time it replaced slides in place. */
export const slidesReplacedMeasure = 'podium:slides-replaced';

/** An error as Vite's overlay shows it. */
export interface OverlayError {
  message: string;
  stack: string;
  id?: string;
  frame?: string;
  plugin?: string;
  loc?: { file?: string; line: number; column: number };
}

import type { TallSlide } from './tallSlides.ts';

export type { TallSlide };

/** A slide of a new build that differs from the build before: its place among the slides, and its HTML. */
export interface ChangedSlide {
  index: number;
  html: string;
}

export interface DevEventMap {
  [devEvents.update]: { page: string };
  [devEvents.slides]: {
    page: string;
    /** The build these changes apply to; a page showing another reloads instead. */
    from: number;
    build: number;
    /** The new build's stamp of its slides (deckAttributes.stamp). */
    stamp: string;
    slides: ChangedSlide[];
    /** The new build's warnings, one line each, for the bar at the page's foot. */
    warnings: string[];
  };
  [devEvents.error]: { page: string; err: OverlayError };
  [devEvents.hello]: { page: string; build: number };
  [devEvents.tooTall]: { page: string; tall: TallSlide[] };
  [devEvents.warnings]: { page: string; warnings: string[] };
}

/** What a dev page is told about itself when it is served. */
export interface DevPageState {
  /** The page's address on the server, e.g. /school-support-staff.html, or / for the index. */
  page: string;
  /** Which build of its deck the page shows; none on the index. */
  build: number | null;
  /** The error the page shows in place of its deck. */
  error: OverlayError | null;
}

/** The name the client reads its DevPageState under: the server declares it before the client's code. */
export const devPageStateName = 'podiumDevPage';

/** A page's hello, as the server must check it: any page may write to the websocket. */
export function isHello(data: unknown): data is DevEventMap[typeof devEvents.hello] {
  return isRecord(data) && typeof data.page === 'string' && Number.isInteger(data.build);
}

export function isTooTall(data: unknown): data is DevEventMap[typeof devEvents.tooTall] {
  return (
    isRecord(data) &&
    typeof data.page === 'string' &&
    Array.isArray(data.tall) &&
    data.tall.every((slide: unknown) => isRecord(slide) && Number.isInteger(slide.slide) && Number.isFinite(slide.over))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
