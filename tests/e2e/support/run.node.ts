/**
 * `npm run test:e2e`: runs Playwright, under a virtual display when it will drive the real
 * Electron on a Linux machine without one (Electron needs a display; Chromium runs headless).
 */
import { spawnSync } from 'node:child_process';
import { chooseHost } from './hosts';

const args = ['playwright', 'test', ...process.argv.slice(2)];
const needsDisplay = chooseHost().name === 'electron' && process.platform === 'linux' && !process.env.DISPLAY;
const [command, commandArgs] = needsDisplay ? ['xvfb-run', ['-a', 'npx', ...args]] : ['npx', args];
// npx is npx.cmd on Windows, which only a shell can start.
const result = spawnSync(command, commandArgs, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
