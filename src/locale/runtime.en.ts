/** Words the browser runtime writes (speaker view, timer, help, reading view), in English. */
export const runtimeEn = {
  hideData: 'Hide data',
} as const;
