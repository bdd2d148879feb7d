/** A recorded override, shown with the post: "Published over 2 must-fix rules: <reason>", who and when. */
import type { ContentOverride } from '../../../lib/schemas';
import { overrideSummary, variantName } from '../must-fix';
import { formatDateTime } from '../time';

export function OverrideNote({ override, compact = false }: { override: ContentOverride; compact?: boolean }) {
  const who = override.byName ?? 'an admin who has since left';
  return (
    <div class={`override-note${compact ? ' override-note--compact' : ''}`}>
      <p>
        <strong>{overrideSummary(override)}:</strong> “{override.reason}”
        {!compact && (
          <span class="override-note__by">
            {' '}
            — {who}, {formatDateTime(override.at)}
          </span>
        )}
      </p>
      {!compact && (
        <ul aria-label="Rules it was published over">
          {override.failures.map((failure, index) => (
            <li key={index}>
              {failure.label}, {variantName(failure)}: {failure.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
