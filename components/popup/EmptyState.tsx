/** The list has nothing to show: no posts at all yet, or none matching the filters. */
export function NoPosts() {
  return (
    <div class="empty">
      <p>No posts to share yet. New posts from your comms team appear here as soon as they're published.</p>
    </div>
  );
}

export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <div class="empty">
      <p>No posts match these filters.</p>
      <button type="button" class="button" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
