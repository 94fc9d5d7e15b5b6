// The bar runtime: the deck, with the Chart.js parts src/contract/chartParts.ts gives this size.
import { barParts } from '../chartParts/bar.ts';
import { start } from '../start.ts';

const started = start(barParts);

/** `Podium.destroy()`: removes the runtime's timers and listeners. */
export const destroy = (): void => started.destroy();
