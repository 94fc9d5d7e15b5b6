// The full runtime: the deck, with the Chart.js parts src/contract/chartParts.ts gives this size.
import { fullParts } from '../chartParts/full.ts';
import { start } from '../start.ts';

const started = start(fullParts);

/** `Podium.destroy()`: removes the runtime's timers and listeners. */
export const destroy = (): void => started.destroy();
