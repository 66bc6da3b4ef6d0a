/**
 * The in-app dialog that asks which tag to add to the selected bookmarks: Electron does not
 * implement window.prompt (electron/electron#472), which this replaces. A native modal <dialog>:
 * focus moves into it and stays there, Escape cancels, Enter adds; the tag field offers the tags
 * already used, and takes what the contract takes for a tag (one line, 60 characters at most).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The contract's Tag (common/contract/contract.std.ts): trimmed, 1 to 60 characters, one line. */
const MAX_TAG_LENGTH = 60;

export interface TagDialogProps {
  /** How many bookmarks the tag goes to. */
  count: number;
  /** Tags already used, offered as the user types. */
  known: string[];
  onAdd: (tag: string) => void;
  onCancel: () => void;
}

export function TagDialog({ count, known, onAdd, onCancel }: TagDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [tag, setTag] = useState('');
  const trimmed = tag.trim();

  // Focus goes back where it was (the Tag… button) when the dialog closes.
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const element = dialog.current;
    opener.current = document.activeElement;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const closeThen = (then: () => void) => {
    dialog.current?.close();
    if (opener.current instanceof HTMLElement) opener.current.focus();
    then();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed) closeThen(() => onAdd(trimmed));
  };

  return (
    <dialog
      ref={dialog}
      className="tag-dialog"
      aria-labelledby="tag-dialog-title"
      onCancel={(event) => {
        // Escape: the dialog closes when its owner says so.
        event.preventDefault();
        closeThen(onCancel);
      }}
    >
      <form onSubmit={submit}>
        <h2 id="tag-dialog-title">{t('Tag the selected bookmarks')}</h2>
        <p className="quiet">{t('{{count}} selected', { count })}</p>
        <label>
          {t('Tag to add to the selected bookmarks')}
          <input
            autoFocus
            list="tag-dialog-known"
            value={tag}
            maxLength={MAX_TAG_LENGTH}
            onChange={(e) => setTag(e.target.value.replace(/[\r\n\t]/g, ' '))}
          />
        </label>
        <datalist id="tag-dialog-known">
          {known.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <div className="actions">
          <button type="submit" className="primary" disabled={!trimmed}>
            {t('Add tag')}
          </button>
          <button type="button" onClick={() => closeThen(onCancel)}>
            {t('Cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
