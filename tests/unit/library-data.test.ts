/** The library screen's data, pure (renderer/src/screens/state/library-data.std.ts, #25). */
import { describe, expect, it } from 'vitest';
import type { IssueSummary } from '../../common/contract/contract.std';
import type { ImportedIssue } from '../../common/contract/import.std';
import { libraryOf } from '../../renderer/src/screens/state/library-data.std';

const issue = (key: string) => ({ key }) as IssueSummary;
const imported = (key: string) => ({ key }) as ImportedIssue;

describe('libraryOf', () => {
  const bundled = [issue('2018-no-10'), issue('2021-no-1'), issue('2022-no-3')];
  const list = [imported('2022-no-3'), imported('2023-no-4'), imported('2024-no-5')];
  const library = libraryOf(bundled, list);

  it('marks the imported issues the library shows', () => {
    expect([...library.importedKeys].sort()).toEqual(['2022-no-3', '2023-no-4', '2024-no-5']);
    expect(bundled.filter((i) => library.importedKeys.has(i.key)).map((i) => i.key)).toEqual(['2022-no-3']);
  });

  it('lists apart the imported issues the library left out, in the import list order', () => {
    expect(library.unreadable.map((i) => i.key)).toEqual(['2023-no-4', '2024-no-5']);
  });

  it('keeps the issues and the import list as given', () => {
    expect(library.issues).toBe(bundled);
    expect(library.imported).toBe(list);
  });

  it('has nothing unreadable when every imported issue is shown', () => {
    expect(libraryOf(bundled, [imported('2021-no-1')]).unreadable).toEqual([]);
  });
});
