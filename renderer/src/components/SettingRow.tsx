// One setting on one line: its name and a one-sentence explanation on the left, the control on
// the right, and the error of its last save underneath. The explanation is the control's
// accessible description, so a screen reader hears why along with what.
import { useId, type ReactNode } from 'react';
import type { AppErrorInfo } from '../../../preload/shared/contract';
import { ErrorNotice } from './ErrorNotice';

interface SettingRowProps {
  label: string;
  hint: ReactNode;
  error?: AppErrorInfo;
  /** The control, given the ids to label and describe it with. */
  children: (ids: { id: string; hintId: string }) => ReactNode;
  disabled?: boolean;
}

export function SettingRow({ label, hint, error, children, disabled }: SettingRowProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={`setting ${disabled ? 'setting-disabled' : ''}`}>
      <div className="setting-main">
        <div className="setting-text">
          <label htmlFor={id} className="setting-label">
            {label}
          </label>
          <p id={hintId} className="setting-hint">
            {hint}
          </p>
        </div>
        <div className="setting-control">{children({ id, hintId })}</div>
      </div>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

interface SwitchProps {
  id: string;
  describedBy: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** A checkbox that looks and announces itself as an on/off switch. */
export function Switch({ id, describedBy, checked, disabled, onChange }: SwitchProps) {
  return (
    <input
      id={id}
      type="checkbox"
      role="switch"
      className="switch"
      checked={checked}
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}
