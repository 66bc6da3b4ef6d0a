import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chooseHost, PROJECT_ROOT } from './hosts';

export default function globalSetup(): void {
  const host = chooseHost();
  console.log(`\n[valise e2e] host: ${host.name} (${host.why})\n`);
  for (const built of ['out/renderer/index.html', 'out/content/content.sqlite', 'out/main/index.js']) {
    if (!existsSync(join(PROJECT_ROOT, built)))
      throw new Error(`${built} is missing: run \`npm run build\` before the e2e suite.`);
  }
}
