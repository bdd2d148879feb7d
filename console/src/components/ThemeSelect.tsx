/** The theme switch: a small segmented control (System, Light, Dark) made of radio buttons, one tab stop, arrows move. */
import { useState } from 'preact/hooks';
import { applyTheme, storedTheme, type ThemeChoice } from '../theme';

const CHOICES: { value: ThemeChoice; label: string; icon: string }[] = [
  // A screen, a sun, a moon (24×24 strokes).
  { value: 'system', label: 'System', icon: 'M3 5h18v11H3zM8 20h8M12 16v4' },
  {
    value: 'light',
    label: 'Light',
    icon: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  },
  { value: 'dark', label: 'Dark', icon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z' },
];

/** `id` keeps two switches on one page apart (the header's and the menu's never coexist, but tests may). */
export function ThemeSelect({ id = 'theme' }: { id?: string }) {
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme);
  return (
    <fieldset class="theme-switch">
      <legend class="visually-hidden">Theme</legend>
      {CHOICES.map((option) => (
        <span key={option.value} class="theme-switch__option">
          <input
            type="radio"
            class="theme-switch__input"
            id={`${id}-${option.value}`}
            name={id}
            value={option.value}
            checked={choice === option.value}
            onChange={() => {
              setChoice(option.value);
              applyTheme(option.value);
            }}
          />
          <label for={`${id}-${option.value}`} class="theme-switch__label" title={`${option.label} theme`}>
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
              <path d={option.icon} />
            </svg>
            <span class="theme-switch__text">{option.label}</span>
          </label>
        </span>
      ))}
    </fieldset>
  );
}
