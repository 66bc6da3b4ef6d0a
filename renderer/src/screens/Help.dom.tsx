/** The keyboard shortcuts, listed. */
import { Screen } from '../app/Screen.dom';

export const SHORTCUTS: [string, string][] = [
  ['Ctrl/⌘ K', 'Quick search: go to a person, a place, an event'],
  ['/', 'Search the archive'],
  ['B', 'Bookmark the article or page shown'],
  ['Alt ← / Alt →', 'Back / forward'],
  ['Ctrl/⌘ P', 'Print (Electron)'],
  ['Ctrl/⌘ Shift S', 'Save as PDF (Electron)'],
  ['Ctrl/⌘ Shift B', 'Bookmarks (Electron)'],
  ['?', 'This list'],
];

export function HelpScreen() {
  return (
    <Screen name="help" title="Keyboard shortcuts" loaded={{ state: 'ready', value: null }}>
      {() => (
        <section>
          <header className="screen-header">
            <h1>Keyboard shortcuts</h1>
          </header>
          <table className="shortcuts">
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map(([keys, action]) => (
                <tr key={keys}>
                  <td><kbd>{keys}</kbd></td>
                  <td>{action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Screen>
  );
}
