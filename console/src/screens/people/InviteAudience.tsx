/** "Who is it for?": one person (one use, 30 days), the whole company (no use limit, 30 or 90 days or never), or custom limits. */
import type { ComponentChildren } from 'preact';
import { INVITE_DEFAULT_DAYS } from '../../../../lib/schemas';
import type { Audience, CompanyExpiry } from './invite-draft';

const COMPANY_EXPIRY: { value: CompanyExpiry; label: string }[] = [
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: 'never', label: 'Never' },
];

interface Props {
  form: string;
  audience: Audience;
  companyExpiry: CompanyExpiry;
  onAudience: (audience: Audience) => void;
  onCompanyExpiry: (expiry: CompanyExpiry) => void;
  /** The custom fields (most uses, expiry), shown under "Custom" while it is chosen. */
  custom: ComponentChildren;
}

export function InviteAudience({ form, audience, companyExpiry, onAudience, onCompanyExpiry, custom }: Props) {
  const option = (value: Audience, label: string, hint: string, more?: ComponentChildren) => {
    const id = `${form}-audience-${value}`;
    return (
      <div class={`audience${audience === value ? ' audience--chosen' : ''}`}>
        <div class="checkbox">
          <input
            type="radio"
            id={id}
            name={`${form}-audience`}
            checked={audience === value}
            onChange={() => onAudience(value)}
            aria-describedby={`${id}-hint`}
          />
          <label for={id}>{label}</label>
          <p id={`${id}-hint`} class="field__hint checkbox__hint">
            {hint}
          </p>
        </div>
        {audience === value && more && <div class="audience__more">{more}</div>}
      </div>
    );
  };

  return (
    <fieldset class="fieldset">
      <legend>Who is it for?</legend>
      <div class="audiences">
        {option(
          'person',
          'One person',
          `A code that works once, for ${INVITE_DEFAULT_DAYS} days. Send it to one colleague.`,
        )}
        {option(
          'company',
          'Whole company',
          'A company code: everyone who has it can join, with no limit on how many. Post it on your intranet or in a ' +
            'team channel.',
          <div class="field">
            <label for={`${form}-company-expiry`} class="field__label">
              Company code expires
            </label>
            <select
              id={`${form}-company-expiry`}
              value={companyExpiry}
              onChange={(event) => onCompanyExpiry(event.currentTarget.value as CompanyExpiry)}
            >
              {COMPANY_EXPIRY.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>,
        )}
        {option('custom', 'Custom', 'Choose how many people can use it and until when.', custom)}
      </div>
    </fieldset>
  );
}
