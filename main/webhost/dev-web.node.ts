/** `npm run dev:web`: the built renderer and the real services, in any browser, on 127.0.0.1. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices } from '../services/create.node';
import { startWebHost } from './server.node';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const { dispatch } = openServices({
  contentDbPath: process.env.VALISE_CONTENT_DB ?? 'out/content/content.sqlite',
  // The development host keeps user data in a temporary folder unless told otherwise.
  userDataDir: process.env.VALISE_USER_DATA ?? mkdtempSync(join(tmpdir(), 'valise-web-')),
  appVersion: version,
  host: 'web',
  log: (message, error) => console.error(message, error),
});
const host = await startWebHost({ rendererDir: 'out/renderer', dispatch, port: Number(process.env.PORT ?? 5190) });
console.log(`Valise web host (development only) at ${host.url}`);
