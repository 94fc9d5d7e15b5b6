import { fileURLToPath } from 'node:url';

/**
 * Podium's own folder (the one holding package.json, themes/, templates/ and build/runtime/).
 * This module sits one level below it in src/, in lib/ and in the bundled lib/podium.js alike,
 * so every path to Podium's own files starts here.
 */
export const packageRoot = fileURLToPath(new URL('../', import.meta.url));
