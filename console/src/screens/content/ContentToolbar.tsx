/** The content list's toolbar: filter by status, and search (debounced by the list). */
import type { ContentStatus } from '../../../../lib/schemas';
import { STATUS_FILTERS } from '../../content';

interface Props {
  status: '' | ContentStatus;
  search: string;
  onStatus: (status: string) => void;
  onSearch: (value: string) => void;
  onSubmit: () => void;
}

export function ContentToolbar({ status, search, onStatus, onSearch, onSubmit }: Props) {
  return (
    <div class="toolbar">
      <div class="segmented" role="group" aria-label="Filter by status">
        {STATUS_FILTERS.map((filter) => (
          <button
            key={filter.value}
            type="button"
            aria-pressed={status === filter.value}
            onClick={() => onStatus(filter.value)}
          >
            {filter.label}
          </button>
        ))}
      </div>
      <form
        class="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <label for="content-search">Search content</label>
        <input
          id="content-search"
          type="search"
          value={search}
          placeholder="Title, text, tag or campaign"
          onInput={(event) => onSearch(event.currentTarget.value)}
        />
      </form>
    </div>
  );
}
