/**
 * A small segmented control: native radio buttons (so arrow keys work) that look like a pill
 * switch. Used for the network of a card's suggested text and the leaderboard's period.
 */
interface Props<Value extends string> {
  name: string;
  legend: string;
  options: readonly { value: Value; label: string }[];
  value: Value | null;
  onChange: (value: Value) => void;
}

export function Segmented<Value extends string>({ name, legend, options, value, onChange }: Props<Value>) {
  return (
    <fieldset class="segmented">
      <legend class="visually-hidden">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="segment">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
