/** Main-process services over the real content database, each test with its own user data folder. */
import { afterEach } from 'vitest';
import { openServices } from '../../main/services/create.node';
import { contentDb, tempDir } from './content';

export type TestServices = ReturnType<typeof openServices> & { userDataDir: string };

/** Call at the top of a test file: returns an opener whose services are closed after each test. */
export function servicesPerTest(): (userDataDir?: string) => TestServices {
  const opened: TestServices[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });
  return (userDataDir = tempDir()) => {
    const services = openServices({ contentDbPath: contentDb(), userDataDir, appVersion: 'test', host: 'web' });
    let closed: Promise<void> | null = null;
    // A test may close early (to reopen the same folder); closing again after it is a no-op.
    const s = { ...services, userDataDir, close: () => (closed ??= services.close()) };
    opened.push(s);
    return s;
  };
}

/** Stages a file, runs its import job to the end, and returns the job as the page would see it. */
export async function importFile(
  s: TestServices,
  name: string,
  bytes: Uint8Array,
  corrections?: Record<string, unknown>,
) {
  const { jobId, finished } = s.services.imports.analyse(s.services.imports.stage(name, bytes), corrections);
  await finished;
  return { jobId, job: s.services.imports.progress(jobId) };
}
