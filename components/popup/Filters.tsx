/**
 * Search, network and tag filters above the list, and a polite live count of the matches so
 * screen-reader users hear what their filter did.
 */
import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { PostFilters } from './filterPosts';
import { isNetwork, networkLabel, NETWORKS } from '../../lib/networks';

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
  // Keep a chosen tag selectable even if the last post carrying it just went away.
  const tagOptions = filters.tag && !tags.includes(filters.tag) ? [filters.tag, ...tags] : tags;
  return (
    <div class="filters" role="search">
      <div class="search-box">
        <label class="visually-hidden" for={`${id}-q`}>
          Search posts
        </label>
        <input
          id={`${id}-q`}
          ref={searchRef}
          type="search"
          placeholder="Search posts"
          value={filters.query}
          onInput={(event) => onChange({ ...filters, query: event.currentTarget.value })}
          autoComplete="off"
          spellcheck={false}
        />
      </div>
      <div class="filter-row">
        <label class="visually-hidden" for={`${id}-n`}>
          Network
        </label>
        <select
          id={`${id}-n`}
          value={filters.network}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange({ ...filters, network: isNetwork(value) ? value : '' });
          }}
        >
          <option value="">All networks</option>
          {NETWORKS.map((network) => (
            <option key={network} value={network}>
              {networkLabel(network)}
            </option>
          ))}
        </select>
        <label class="visually-hidden" for={`${id}-t`}>
          Tag
        </label>
        <select
          id={`${id}-t`}
          value={filters.tag}
          onChange={(event) => onChange({ ...filters, tag: event.currentTarget.value })}
        >
          <option value="">All tags</option>
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
