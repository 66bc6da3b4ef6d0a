/**
 * Child process of the crash test: writes bookmarks as fast as it can, printing "ack <key>" once
 * each write has returned (committed). The parent kills it with SIGKILL at a random moment.
 * VALISE_TEST_SYNCHRONOUS overrides the database's synchronous pragma, for the test to show that
 * its power cut tells FULL from OFF.
 */
import { createBookmarkService } from '../../main/services/user-data/bookmarks.node';
import { openUserDatabase } from '../../main/services/user-data/user-db.node';

const [dir, run] = process.argv.slice(2) as [string, string];
const userDb = openUserDatabase(dir);
if (process.env.VALISE_TEST_SYNCHRONOUS) userDb.db.pragma(`synchronous = ${process.env.VALISE_TEST_SYNCHRONOUS}`);
const bookmarks = createBookmarkService(userDb.db, {
  readOnly: false,
  exists: () => true,
  describe: (key) => ({
    key,
    type: 'passage',
    label: `Label ${key}`,
    snapshot: 'x'.repeat(200),
    issueKey: null,
    sectionKey: null,
    page: null,
    eventStart: null,
    countries: [],
  }),
});
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const key = `crash/${run}/${n}`;
  const bookmark = bookmarks.add(key);
  bookmarks.update(bookmark.id, { note: `note ${n}`, tags: [`run-${run}`, n % 2 ? 'odd' : 'even'] });
  process.stdout.write(`ack ${key}\n`);
}
