/** The keyboard shortcuts, listed. */
import { useTranslation } from 'react-i18next';
import { Screen } from '../app/Screen.dom';

export const SHORTCUTS: [string, string][] = [
  ['Ctrl/⌘ K', 'Quick search: go to a person, a place, an event'],
  ['/', 'Search the archive'],
  ['Ctrl/⌘ F', 'Find in page'],
  ['B', 'Bookmark the article or page shown'],
  ['Alt ← / Alt →', 'Back / forward'],
  ['Ctrl/⌘ P', 'Print (Electron)'],
  ['Ctrl/⌘ Shift S', 'Save as PDF (Electron)'],
  ['Ctrl/⌘ Shift B', 'Bookmarks (Electron)'],
  ['?', 'This list'],
];

export function HelpScreen() {
  const { t } = useTranslation();
  return (
    <Screen name="help" title={t('Keyboard shortcuts')} loaded={{ state: 'ready', value: null }}>
      {() => (
        <section>
          <header className="screen-header">
            <h1>{t('Keyboard shortcuts')}</h1>
          </header>
          <table className="shortcuts">
            <thead>
              <tr>
                <th scope="col">{t('Keys')}</th>
                <th scope="col">{t('Action')}</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map(([keys, action]) => (
                <tr key={keys}>
                  <td>
                    <kbd>{keys}</kbd>
                  </td>
                  <td>{t(action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Screen>
  );
}
