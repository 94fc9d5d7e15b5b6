// The standard runtime: the deck, with the Chart.js parts src/contract/chartParts.ts gives this size.
import { standardParts } from '../chartParts/standard.ts';
import { start } from '../start.ts';

const started = start(standardParts);

/** `Podium.destroy()`: removes the runtime's timers and listeners. */
export const destroy = (): void => started.destroy();
