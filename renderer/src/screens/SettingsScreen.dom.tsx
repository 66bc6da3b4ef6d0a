/** Theme, text size and interface language; kept across runs. */
import { useTranslation } from 'react-i18next';
import { Screen } from '../app/Screen.dom';
import { useSettings, type Settings } from '../app/Settings.dom';

function Choice<K extends keyof Settings>({
  name,
  label,
  options,
}: {
  name: K;
  label: string;
  options: [Settings[K], string][];
}) {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  return (
    <fieldset className="choice">
      <legend>{t(label)}</legend>
      {options.map(([value, text]) => (
        <label key={String(value)}>
          <input
            type="radio"
            name={name}
            value={String(value)}
            checked={settings[name] === value}
            onChange={() => update({ [name]: value } as Partial<Settings>)}
          />
          {text}
        </label>
      ))}
    </fieldset>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <Screen name="settings" title={t('Settings')} loaded={{ state: 'ready', value: null }}>
      {() => (
        <section className="settings">
          <header className="screen-header">
            <h1>{t('Settings')}</h1>
          </header>
          <Choice
            name="theme"
            label="Theme"
            options={[
              ['light', t('Light')],
              ['dark', t('Dark')],
              ['system', t('Follow the system')],
            ]}
          />
          <Choice
            name="textSize"
            label="Text size"
            options={[
              ['small', t('Small')],
              ['normal', t('Normal')],
              ['large', t('Large')],
              ['larger', t('Larger')],
            ]}
          />
          <Choice
            name="language"
            label="Interface language"
            options={[
              ['en', 'English'],
              ['fr', 'Français'],
            ]}
          />
          <p className="quiet">{t('The newsletter’s text stays in its own language.')}</p>
        </section>
      )}
    </Screen>
  );
}
