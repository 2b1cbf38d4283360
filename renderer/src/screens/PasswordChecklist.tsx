// The live checklist under the new password: each rule of seed 000's policy, met or not, plus the
// confirmation. It is the input's description, not a live region: announcing every keystroke
// would drown a screen-reader user.
import type { ReactNode } from 'react';
import type { PasswordCheck } from '../../../preload/shared/validation';
import { CheckIcon, CrossIcon } from '../components/icons';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

interface ChecklistProps {
  id: string;
  check: PasswordCheck;
  confirmMatches: boolean;
  touched: boolean;
}

export function PasswordChecklist({ id, check, confirmMatches, touched }: ChecklistProps) {
  const { t } = useI18n();
  const rule = (ruleId: string, ok: boolean, label: string, extra?: ReactNode) => (
    <li
      key={ruleId}
      className={`rule ${ok ? 'rule-ok' : touched ? 'rule-bad' : ''}`}
      data-rule={ruleId}
    >
      {ok ? <CheckIcon className="rule-icon" /> : <CrossIcon className="rule-icon" />}
      <span>
        {label}
        <span className="sr-only"> ({ok ? t('pw.ruleMet') : t('pw.ruleUnmet')})</span>
        {extra}
      </span>
    </li>
  );
  const classes = (['upper', 'lower', 'digit', 'special'] as const).map((c) => (
    <span key={c} className={`chip ${check.classes[c] ? 'chip-on' : ''}`} aria-hidden="true">
      {t(`pw.class.${c}` as MessageKey)}
    </span>
  ));
  return (
    <ul id={id} className="checklist" aria-label={t('pw.rules')}>
      {check.rules.map((r) =>
        rule(
          r.id,
          r.ok,
          t(`pw.rule.${r.id}` as MessageKey),
          r.id === 'classes' ? <span className="chips">{classes}</span> : undefined,
        ),
      )}
      {rule('match', confirmMatches, t('pw.rule.match'))}
    </ul>
  );
}
