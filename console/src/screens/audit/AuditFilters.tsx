/** The audit log's filters: a date range (local days), who (an admin's email or id) and an action or group of actions; kept in the URL. */
import { useState } from 'preact/hooks';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_WORDS } from '../../../../lib/audit';
import { href, navigate } from '../../router';
import { zoneName } from '../../time';

export interface AuditFilterValues {
  from: string;
  to: string;
  actor: string;
  action: string;
}

export function AuditFilters({ values }: { values: AuditFilterValues }) {
  const [draft, setDraft] = useState(values);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof AuditFilterValues) => (event: Event) =>
    setDraft({ ...draft, [key]: (event.currentTarget as HTMLInputElement).value });

  function apply(event: Event) {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setError('“From” must be on or before “To”.');
      return;
    }
    setError(null);
    navigate(href('/audit', { ...draft, actor: draft.actor.trim() }), { replace: true });
  }

  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': 'audit-filter-error' } : {};
  return (
    <form class="toolbar audit-filters" onSubmit={apply} noValidate aria-label="Filter the audit log">
      {(['from', 'to'] as const).map((key) => (
        <div key={key} class="field field--inline">
          <label for={`audit-${key}`}>{key === 'from' ? 'From' : 'To'}</label>
          <input
            id={`audit-${key}`}
            type="date"
            value={draft[key]}
            {...(key === 'from' ? { max: draft.to || undefined } : { min: draft.from || undefined })}
            {...invalid}
            onInput={set(key)}
          />
        </div>
      ))}
      <div class="field field--inline">
        <label for="audit-actor">Who</label>
        <input
          id="audit-actor"
          type="search"
          value={draft.actor}
          placeholder="Admin email or id"
          autoComplete="off"
          onInput={set('actor')}
        />
      </div>
      <div class="field field--inline">
        <label for="audit-action">Action</label>
        <select id="audit-action" value={draft.action} onChange={set('action')}>
          <option value="">Every action</option>
          <optgroup label="Groups">
            {AUDIT_ACTION_GROUPS.map((group) => (
              <option key={group.prefix} value={group.prefix}>
                {group.label} (all)
              </option>
            ))}
          </optgroup>
          <optgroup label="Actions">
            {Object.entries(AUDIT_ACTION_WORDS).map(([action, words]) => (
              <option key={action} value={action}>
                {words}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <button type="submit" class="button button--primary">
        Show
      </button>
      <p class="field__hint audit-filters__zone">Days in {zoneName()}.</p>
      {error && (
        <p id="audit-filter-error" class="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
