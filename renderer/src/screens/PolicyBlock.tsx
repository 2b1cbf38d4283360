import { useI18n } from '../i18n/i18n';
import { CopyButton } from '../components/CopyButton';
import { ChevronIcon } from '../components/icons';
import { RAM_POLICY } from '../regions';

/** The RAM policy to grant, collapsed by default: most people need it once. */
export function PolicyBlock() {
  const { t } = useI18n();
  return (
    <details className="disclosure">
      <summary>
        <ChevronIcon className="disclosure-chevron" />
        {t('signin.policyTitle')}
      </summary>
      <div className="disclosure-body">
        <pre className="code-block selectable" tabIndex={0} aria-label={t('signin.policyTitle')}>
          {RAM_POLICY}
        </pre>
        <ul className="policy-why">
          <li>{t('signin.policyWhyDescribeCluster')}</li>
          <li>{t('signin.policyWhySecurityGroup')}</li>
          <li>{t('signin.policyWhyListNodes')}</li>
        </ul>
        <CopyButton text={RAM_POLICY} label={t('signin.copyPolicy')}>
          {t('signin.copyPolicy')}
        </CopyButton>
      </div>
    </details>
  );
}
