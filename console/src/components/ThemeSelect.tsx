/** The theme switch: the system's choice, light or dark. */
import { useState } from 'preact/hooks';
import { applyTheme, storedTheme, type ThemeChoice } from '../theme';

export function ThemeSelect() {
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme);
  return (
    <div class="theme-select">
      <label for="theme-select">Theme</label>
      <select
        id="theme-select"
        value={choice}
        onChange={(event) => {
          const value = event.currentTarget.value as ThemeChoice;
          setChoice(value);
          applyTheme(value);
        }}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
