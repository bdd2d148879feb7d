/** "Audience": everyone, or chosen groups, regions and languages (lib/audiences.ts's rule), with how many advocates that reaches. */
import { useEffect, useState } from 'preact/hooks';
import type { AudienceOptions } from '../../../../lib/audience-schemas';
import { api, query } from '../../api';
import { errorAt, type Errors } from '../../forms';
import { useFetched } from '../../use-fetched';
import { FORM } from './draft';

interface Props {
  audiences: string[];
  errors: Errors;
  onChange: (audiences: string[]) => void;
}

/** How many advocates `audiences` reaches, asked of the server (which applies the same rule). */
function useReach(audiences: string[]): number | null {
  const [reach, setReach] = useState<number | null>(null);
  const key = audiences.join(',');
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ advocates: number }>(`/v1/admin/audiences/reach${query({ audiences: key })}`, {
        signal: controller.signal,
      })
      .then((answer) => setReach(answer.advocates))
      .catch(() => setReach(null));
    return () => controller.abort();
  }, [key]);
  return reach;
}

export function AudienceSection({ audiences, errors, onChange }: Props) {
  const options = useFetched<AudienceOptions>('/v1/admin/audiences');
  const reach = useReach(audiences);
  const everyone = audiences.length === 0;
  const [targeted, setTargeted] = useState(!everyone);
  const toggle = (entry: string, on: boolean) =>
    onChange(on ? [...audiences, entry] : audiences.filter((other) => other !== entry));
  const error = errorAt(errors, 'audiences');
  const choice = (entry: string, label: string, count: number) => (
    <label key={entry} class="audience-option">
      <input
        type="checkbox"
        checked={audiences.includes(entry)}
        onChange={(e) => toggle(entry, e.currentTarget.checked)}
      />
      {label} <span class="muted small">({count})</span>
    </label>
  );
  const data = options.data;
  return (
    <section class="card form-section" aria-labelledby="compose-audience">
      <h2 id="compose-audience">Audience</h2>
      <fieldset class="fieldset audience-group audience-options">
        <legend class="visually-hidden">Who gets this post</legend>
        <label class="audience-option">
          <input
            type="radio"
            name={`${FORM}-audience`}
            checked={!targeted}
            onChange={() => {
              setTargeted(false);
              onChange([]);
            }}
          />
          Everyone
        </label>
        <label class="audience-option">
          <input type="radio" name={`${FORM}-audience`} checked={targeted} onChange={() => setTargeted(true)} />
          Chosen groups, regions or languages
        </label>
      </fieldset>
      {targeted && data && (
        <div class="audience__choices">
          <p class="field__hint">
            Advocates get it when they are in one of the chosen groups, and in one of the chosen regions, and speak one
            of the chosen languages.
          </p>
          {data.groups.length > 0 && (
            <fieldset class="fieldset audience-group">
              <legend>Groups</legend>
              {data.groups.map((group) => choice(group.id, group.name, group.members))}
            </fieldset>
          )}
          {data.regions.length > 0 && (
            <fieldset class="fieldset audience-group">
              <legend>Regions</legend>
              {data.regions.map((region) => choice(`region:${region.code}`, region.code, region.advocates))}
            </fieldset>
          )}
          {data.languages.length > 0 && (
            <fieldset class="fieldset audience-group">
              <legend>Languages</legend>
              {data.languages.map((language) => choice(`language:${language.tag}`, language.tag, language.advocates))}
            </fieldset>
          )}
        </div>
      )}
      {error && (
        <p id={`${FORM}-audiences-error`} class="field__error">
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <p class="audience__reach" aria-live="polite">
        {reach === null ? '' : `Reaches ${reach} advocate${reach === 1 ? '' : 's'}${everyone ? ' (everyone)' : ''}.`}
      </p>
    </section>
  );
}
