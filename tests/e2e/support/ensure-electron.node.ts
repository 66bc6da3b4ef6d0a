/** `npm test`'s pretest step: Electron's binary before the e2e suite (see electron-install.ts). */
import { ensureElectron } from './electron-install';

process.exit(ensureElectron());
