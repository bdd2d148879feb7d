/**
 * The list of suggested posts for this network, searchable by title and tag; "Insert" puts the
 * advocate's suggested text (shown as the button's tooltip) into the composer. Escape (handled
 * with the site's keys, in components/composer/feature.ts) closes it and gives the editor its focus back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComposerItem } from '../../shared/messaging';
import { filterSuggestions } from './filterSuggestions';

interface Props {
  id: string;
  items: ComposerItem[];
  busy: boolean;
  notice: string | null;
  onInsert: (item: ComposerItem) => void;
  onClose: () => void;
}

export function SuggestionsPanel({ id, items, busy, notice, onInsert, onClose }: Props) {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => search.current?.focus({ preventScroll: true }), []);
  const shown = filterSuggestions(items, query);

  return (
    <section id={id} class="relay-panel" role="dialog" aria-label="Suggested posts">
      <div class="relay-panel-head">
        <label class="relay-visually-hidden" for={`${id}-search`}>
          Search suggested posts
        </label>
        <input
          ref={search}
          id={`${id}-search`}
          class="relay-search"
          type="search"
          placeholder="Search by title or tag"
          autocomplete="off"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <button type="button" class="relay-close" aria-label="Close suggested posts" onClick={onClose}>
          ×
        </button>
      </div>
      {notice && (
        <p class="relay-notice" role="alert">
          {notice}
        </p>
      )}
      {shown.length === 0 ? (
        <p class="relay-empty">No suggested posts match “{query.trim()}”.</p>
      ) : (
        <ul class="relay-items">
          {shown.map((item) => (
            <li key={item.id} class="relay-item">
              <div class="relay-item-main">
                <p class="relay-item-title" id={`${id}-title-${item.id}`}>
                  {item.title}
                </p>
                {item.tags.length > 0 && (
                  <p class="relay-tags">
                    {item.tags.map((tag) => (
                      <span key={tag} class="relay-tag">
                        #{tag}
                      </span>
                    ))}
                  </p>
                )}
              </div>
              <button
                type="button"
                class="relay-insert"
                aria-describedby={`${id}-title-${item.id}`}
                title={item.text}
                disabled={busy}
                onClick={() => onInsert(item)}
              >
                Insert
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
