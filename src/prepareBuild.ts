// `npm run build:tool`, after the runtime is built: measures and prepares what every deck build
// would otherwise do again for the same files (Podium's own themes, the runtime's gzipped size).
import { prepareGzipSizes } from './render/gzipSize.ts';
import { prepareThemes } from './render/theme.ts';

prepareThemes();
prepareGzipSizes();
