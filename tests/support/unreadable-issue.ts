/** An imported issue as an import once stored it, whose text this version's pipeline finds no issue in. */
import { importedIssueStore } from '../../main/services/library/imported-issues.node';
import { openUserDatabase } from '../../main/services/user-data/user-db.node';

export const UNREADABLE_ISSUE = {
  key: '2026-no-42',
  title: 'Winter 2026',
  sourceName: 'winter-2026.pdf',
  sourceKind: 'pdf',
  sourceSha256: '0'.repeat(64),
  text: 'A text this version of the pipeline finds no issue in.',
  // Mid-morning UTC: the same day in every time zone the tests run in.
  importedAt: '2026-11-01T09:30:00.000Z',
} as const;

/** Stores it in the user database of this data folder (made if it is new). */
export async function storeUnreadableIssue(userDataDir: string): Promise<void> {
  const userDb = openUserDatabase(userDataDir);
  importedIssueStore(userDb.db).put({ ...UNREADABLE_ISSUE, overlay: {} });
  await userDb.close();
}
