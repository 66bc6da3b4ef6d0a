/** The library screen's data (Library.dom.tsx), pure: the issues shown, and of the imported ones, which are shown and which the library left out. */
import type { IssueSummary } from '../../../../common/contract/contract.std';
import type { ImportedIssue } from '../../../../common/contract/import.std';

export interface LibraryData {
  issues: IssueSummary[];
  imported: ImportedIssue[];
  /** The imported issues the library shows as cards (with the "Imported" badge and "Remove"). */
  importedKeys: Set<string>;
  /** Imported issues the library left out (this version cannot read their stored text), in the import list's order. */
  unreadable: ImportedIssue[];
}

export function libraryOf(issues: IssueSummary[], imported: ImportedIssue[]): LibraryData {
  const shown = new Set(issues.map((i) => i.key));
  return {
    issues,
    imported,
    importedKeys: new Set(imported.map((i) => i.key)),
    unreadable: imported.filter((i) => !shown.has(i.key)),
  };
}
