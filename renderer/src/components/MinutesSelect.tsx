// A choice of a number of minutes (Off, minutes, whole hours) for the settings that take one: the
// idle stop and the exposure watch. A value saved some other way (the CLI, a hand-edited file) is
// added to the choices rather than shown as a wrong one.
export interface MinutesWords {
  off: string;
  minutes: (n: number) => string;
  hours: (n: number) => string;
}

interface MinutesSelectProps {
  id: string;
  describedBy: string;
  minutes: number;
  choices: readonly number[];
  words: MinutesWords;
  disabled?: boolean;
  onChange: (minutes: number) => void;
}

export function MinutesSelect(props: MinutesSelectProps) {
  const { id, describedBy, minutes, words, disabled, onChange } = props;
  const choices = props.choices.includes(minutes)
    ? props.choices
    : [...props.choices, minutes].sort((a, b) => a - b);
  const label = (n: number) =>
    n === 0 ? words.off : n % 60 === 0 ? words.hours(n / 60) : words.minutes(n);
  return (
    <select
      id={id}
      className="input select select-setting"
      value={minutes}
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(e) => onChange(Number(e.target.value))}
    >
      {choices.map((n) => (
        <option key={n} value={n}>
          {label(n)}
        </option>
      ))}
    </select>
  );
}
