/**
 * The list of suggested posts for this network, searchable by title and tag. Each shows what
 * "Insert" puts into the composer: the start of the advocate's text (two lines) and which of the
 * network's variants it is; tags are quiet chips, never "#tag", so nobody takes them for hashtags
 * that would be posted. Arrow keys move between the posts (roving focus on their Insert buttons;
 * Enter inserts); Escape (handled with the site's keys, in components/composer/feature.ts) closes
 * the panel and gives the editor its focus back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComposerItem } from '../../shared/messaging';
import { filterSuggestions } from './filterSuggestions';
import { t } from '../../shared/i18n';

interface Props {
  id: string;
  items: ComposerItem[];
  siteName: string;
  busy: boolean;
  notice: string | null;
  onInsert: (item: ComposerItem) => void;
  onClose: () => void;
}

function variantLabel(item: ComposerItem, siteName: string): string {
  if (!item.variant) return t('composer_variant_link', { site: siteName });
  return t('composer_variant', { site: siteName, number: item.variant.number, of: item.variant.of });
}

/** The next index for a navigation key in a list of `count`, or null for other keys. */
function step(key: string, index: number, count: number): number | null {
  if (key === 'ArrowDown') return Math.min(index + 1, count - 1);
  if (key === 'ArrowUp') return index - 1; // -1: back to the search box
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

export function SuggestionsPanel({ id, items, siteName, busy, notice, onInsert, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => search.current?.focus({ preventScroll: true }), []);
  const shown = filterSuggestions(items, query);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const focusItem = (index: number) => {
    if (index < 0) {
      search.current?.focus();
      return;
    }
    setActive(index);
    list.current?.querySelectorAll<HTMLButtonElement>('.relay-insert')[index]?.focus();
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' || shown.length === 0) return;
    event.preventDefault();
    focusItem(current);
  };
  const onListKey = (event: KeyboardEvent) => {
    const next = step(event.key, current, shown.length);
    if (next === null) return;
    event.preventDefault();
    focusItem(next);
  };

  return (
    <section id={id} class="relay-panel relay-card" role="dialog" aria-label={t('composer_suggested')}>
      <div class="relay-panel-head">
        <label class="relay-visually-hidden" for={`${id}-search`}>
          {t('composer_search_label')}
        </label>
        <input
          ref={search}
          id={`${id}-search`}
          class="relay-search"
          type="search"
          placeholder={t('composer_search_placeholder')}
          autocomplete="off"
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onSearchKey}
        />
        <button type="button" class="relay-close" aria-label={t('composer_close')} onClick={onClose}>
          ×
        </button>
      </div>
      {notice && (
        <p class="relay-notice" role="status">
          {notice}
        </p>
      )}
      {shown.length === 0 ? (
        <p class="relay-empty">{t('composer_no_match', { query: query.trim() })}</p>
      ) : (
        <ul class="relay-items" ref={list} onKeyDown={onListKey}>
          {shown.map((item, index) => (
            <li key={item.id} class="relay-item">
              <p class="relay-item-title" id={`${id}-title-${item.id}`}>
                {item.title}
              </p>
              <button
                type="button"
                class="relay-insert"
                aria-describedby={`${id}-title-${item.id} ${id}-text-${item.id}`}
                tabIndex={index === current ? 0 : -1}
                disabled={busy}
                onFocus={() => setActive(index)}
                onClick={() => onInsert(item)}
              >
                {t('composer_insert')}
              </button>
              <p class="relay-item-variant">{variantLabel(item, siteName)}</p>
              <p class="relay-item-text" id={`${id}-text-${item.id}`}>
                {item.text}
              </p>
              {item.tags.length > 0 && (
                <ul class="relay-tags" aria-label={t('composer_tags')}>
                  {item.tags.map((tag) => (
                    <li key={tag} class="relay-tag">
                      {tag}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
