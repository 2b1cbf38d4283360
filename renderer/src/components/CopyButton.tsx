import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { copyText } from './clipboard';
import { CheckIcon, CopyIcon } from './icons';

interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy RequestId 3F2A…". */
  label: string;
  /** Visible text; an icon-only button when omitted. */
  children?: string;
  className?: string;
}

/** Copies non-secret text and confirms in place (and to screen readers) for a moment. */
export function CopyButton({ text, label, children, className }: CopyButtonProps) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async () => setOutcome((await copyText(text)) ? 'copied' : 'failed');
  return (
    <span className="copy">
      <button
        type="button"
        className={`btn btn-ghost btn-small ${className ?? ''}`}
        aria-label={label}
        onClick={onClick}
        onBlur={() => setOutcome('idle')}
      >
        {outcome === 'copied' ? <CheckIcon /> : <CopyIcon />}
        {children && <span>{children}</span>}
      </button>
      <span className="sr-only" role="status">
        {outcome === 'copied' ? t('common.copied') : ''}
      </span>
      {outcome === 'failed' && (
        <span className="field-error" role="alert">
          {t('common.copyFailed')}
        </span>
      )}
    </span>
  );
}
