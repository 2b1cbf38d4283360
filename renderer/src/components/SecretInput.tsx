// A password input with its own show/hide toggle. Autocomplete and spellcheck are off: the OS
// keychain is the store, not the browser, and spellcheck would ship the secret to a dictionary.
import type { ChangeEvent } from 'react';
import { EyeIcon, EyeOffIcon } from './icons';

interface SecretInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  visible: boolean;
  onToggle?: () => void;
  showLabel?: string;
  hideLabel?: string;
  describedBy?: string;
  invalid?: boolean;
  name?: string;
}

export function SecretInput(props: SecretInputProps) {
  const { id, value, onChange, visible, onToggle, showLabel, hideLabel, describedBy, invalid } =
    props;
  return (
    <div className="input-group">
      <input
        id={id}
        name={props.name}
        className="input input-mono"
        type={visible ? 'text' : 'password'}
        value={value}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
      {onToggle && (
        <button
          type="button"
          className="btn btn-ghost btn-icon input-addon"
          aria-label={visible ? hideLabel : showLabel}
          aria-pressed={visible}
          onClick={onToggle}
        >
          {visible ? <EyeOffIcon /> : <EyeIcon />}
        </button>
      )}
    </div>
  );
}
