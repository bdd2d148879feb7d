/** A date and time in the admin's zone: the native picker labelled with the zone, the time in words, and quick choices. */
import type { Errors } from '../forms';
import { formatDateTime, formatRelative, localToIso } from '../time';
import type { TimeChoice } from '../time-choices';
import { InputField } from './fields';

interface Props {
  form: string;
  path: string;
  label: string;
  hint: string;
  zone: string;
  errors: Errors;
  value: string;
  choices: TimeChoice[];
  onValue: (value: string) => void;
}

export function DateTimeField({ form, path, label, hint, zone, errors, value, choices, onValue }: Props) {
  const iso = localToIso(value);
  return (
    <div class="datetime">
      <InputField
        form={form}
        path={path}
        label={
          <>
            {label} <span class="field__zone">· {zone}</span>
          </>
        }
        hint={hint}
        errors={errors}
        type="datetime-local"
        value={value}
        onValue={onValue}
        after={
          <>
            <p class="datetime__words" aria-live="polite">
              {iso ? `${formatDateTime(iso)} (${formatRelative(iso)})` : 'Not set'}
            </p>
            <div class="button-row datetime__choices">
              {choices.map((choice) => (
                <button
                  key={choice.label}
                  type="button"
                  class="button button--small button--chip"
                  aria-pressed={choice.value === value}
                  onClick={() => onValue(choice.value)}
                >
                  {choice.label}
                </button>
              ))}
              {value && (
                <button type="button" class="button button--small button--quiet" onClick={() => onValue('')}>
                  Clear<span class="visually-hidden"> {label}</span>
                </button>
              )}
            </div>
          </>
        }
      />
    </div>
  );
}
