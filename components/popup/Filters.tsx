/**
 * The Posts tab's filters in one compact row: search, "Not shared yet" (a toggle button), and
 * "Filters" that opens the network and tag choices under the row. Sticky over the list.
 */
import type { Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { PostFilters } from './filterPosts';
import { isNetwork, networkLabel, NETWORKS } from '../../lib/networks';
import { t } from '../shared/i18n';

interface Props {
  filters: PostFilters;
  onChange: (filters: PostFilters) => void;
  tags: readonly string[];
  /** "3 of 120 posts" while filtering, else null. */
  countText: string | null;
  searchRef?: Ref<HTMLInputElement>;
}

export function Filters({ filters, onChange, tags, countText, searchRef }: Props) {
  const id = useId();
  const more = (filters.network ? 1 : 0) + (filters.tag ? 1 : 0);
  const [open, setOpen] = useState(more > 0);
  // Keep a chosen tag selectable even if the last post carrying it just went away.
  const tagOptions = filters.tag && !tags.includes(filters.tag) ? [filters.tag, ...tags] : tags;
  return (
    <div class="filters" role="search">
      <div class="filter-bar">
        <label class="visually-hidden" for={`${id}-q`}>
          {t('popup_search_posts')}
        </label>
        <input
          id={`${id}-q`}
          ref={searchRef}
          type="search"
          placeholder={t('popup_search_placeholder')}
          value={filters.query}
          onInput={(event) => onChange({ ...filters, query: event.currentTarget.value })}
          autoComplete="off"
          spellcheck={false}
        />
        <button
          type="button"
          class="chip"
          aria-pressed={filters.unshared}
          onClick={() => onChange({ ...filters, unshared: !filters.unshared })}
        >
          {t('popup_not_shared_yet')}
        </button>
        <button
          type="button"
          class="chip"
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen(!open)}
        >
          {more > 0 ? t('popup_filters_count', { count: more }) : t('popup_filters')}
        </button>
      </div>
      <div class="filter-row" id={`${id}-more`} hidden={!open}>
        <label class="visually-hidden" for={`${id}-n`}>
          {t('popup_network')}
        </label>
        <select
          id={`${id}-n`}
          value={filters.network}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange({ ...filters, network: isNetwork(value) ? value : '' });
          }}
        >
          <option value="">{t('popup_all_networks')}</option>
          {NETWORKS.map((network) => (
            <option key={network} value={network}>
              {networkLabel(network)}
            </option>
          ))}
        </select>
        <label class="visually-hidden" for={`${id}-t`}>
          {t('popup_tag')}
        </label>
        <select
          id={`${id}-t`}
          value={filters.tag}
          onChange={(event) => onChange({ ...filters, tag: event.currentTarget.value })}
        >
          <option value="">{t('popup_all_tags')}</option>
          {tagOptions.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <p class="filter-count" aria-live="polite">
        {countText}
      </p>
    </div>
  );
}
