import type { runtimeEn } from './runtime.en.ts';

/** Words the browser runtime writes, in Spanish. */
export const runtimeEs: Record<keyof typeof runtimeEn, string> = {
  hideData: 'Ocultar datos',
};
