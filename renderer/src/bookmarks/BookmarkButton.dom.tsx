/** The bookmark mark of one item: a toggle that shows, wherever the item is, whether it is kept. */
import { useTranslation } from 'react-i18next';
import { useBookmarks } from './BookmarksContext.dom';

export function BookmarkButton({
  itemKey,
  label,
  compact = false,
}: {
  itemKey: string;
  label: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { byKey, toggle, readOnly } = useBookmarks();
  const marked = byKey.has(itemKey);
  return (
    <button
      type="button"
      className={`bookmark-button${marked ? ' is-marked' : ''}${compact ? ' is-compact' : ''}`}
      aria-pressed={marked}
      aria-label={t(marked ? 'Bookmarked: {{label}}' : 'Bookmark: {{label}}', { label })}
      title={t(marked ? 'Bookmarked (B to remove)' : 'Bookmark (B)')}
      disabled={readOnly}
      data-bookmark={itemKey}
      onClick={() => void toggle(itemKey)}
    >
      <span aria-hidden="true">{marked ? '★' : '☆'}</span>
      {!compact && <span className="bookmark-label">{t(marked ? 'Bookmarked' : 'Bookmark')}</span>}
    </button>
  );
}
