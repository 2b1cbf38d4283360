// An error where it happened: what went wrong, what to do, and the code and RequestId that
// support needs (the RequestId copyable, since people paste it into tickets).
import type { AppErrorInfo } from '../../../preload/shared/contract';
import { useI18n } from '../i18n/i18n';
import { CopyButton } from './CopyButton';
import { AlertIcon } from './icons';

interface ErrorNoticeProps {
  error: AppErrorInfo;
  onRetry?: () => void;
  className?: string;
}

export function ErrorNotice({ error, onRetry, className }: ErrorNoticeProps) {
  const { t, errorText } = useI18n();
  const text = errorText(error);
  return (
    <div className={`notice notice-error ${className ?? ''}`} role="alert">
      <AlertIcon className="notice-icon" />
      <div className="notice-body">
        <p className="notice-title">{text.message}</p>
        <p className="notice-action">{text.action}</p>
        <dl className="notice-meta">
          <div>
            <dt>{t('error.code')}</dt>
            <dd>
              <code>{error.code}</code>
              {error.httpStatus !== undefined && (
                <span className="muted"> · HTTP {error.httpStatus}</span>
              )}
            </dd>
          </div>
          {error.requestId && (
            <div>
              <dt>{t('error.requestId')}</dt>
              <dd className="request-id">
                <code className="selectable">{error.requestId}</code>
                <CopyButton
                  text={error.requestId}
                  label={t('error.copyRequestId', { id: error.requestId })}
                />
              </dd>
            </div>
          )}
        </dl>
        {onRetry && (
          <button type="button" className="btn btn-secondary btn-small" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    </div>
  );
}
