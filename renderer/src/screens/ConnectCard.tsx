// Arrive in one click: Connect starts VNC for the address in the field when it is stopped, then
// main asks the system's VNC viewer to open vnc://<login node>:12016. Where no viewer handles
// such links, main copied the address instead, and this says so and names viewers that work.
import { useEffect } from 'react';
import type { ConnectResult } from '../../../preload/shared/contract';
import { isValidCidrIp } from '../../../preload/shared/validation';
import { vncAddress, vncUrl } from '../../../preload/shared/vnc-url';
import { ErrorNotice } from '../components/ErrorNotice';
import { Spinner } from '../components/Spinner';
import { useOperation } from '../hooks/use-operation';
import { useI18n } from '../i18n/i18n';

interface ConnectCardProps {
  clusterId: string;
  /** The cluster's region, where ListNodes and a start are sent (default: the current one). */
  regionId?: string | undefined;
  name: string;
  /** The address field's value: used to start VNC when it is stopped (if valid). */
  cidr: string;
  busy: boolean;
  onConnected: () => void;
}

export function ConnectCard(props: ConnectCardProps) {
  const { clusterId, regionId, name, cidr, busy, onConnected } = props;
  const { t } = useI18n();
  const target = useOperation('getConnectTarget');
  const connect = useOperation('connect');
  const inRegion = regionId ? { regionId } : {};

  const { run: loadTarget } = target;
  useEffect(() => {
    void loadTarget({ clusterId, ...(regionId ? { regionId } : {}) });
  }, [loadTarget, clusterId, regionId]);

  const onConnect = async () => {
    if (connect.pending || busy) return;
    const cidrIp = cidr.trim();
    const result = await connect.run({
      clusterId,
      ...inRegion,
      ...(isValidCidrIp(cidrIp) ? { cidrIp } : {}),
    });
    if (result?.ok) onConnected();
  };

  const found = target.value;
  return (
    <section className="card stack-tight" aria-labelledby="connect-title">
      <h2 id="connect-title" className="card-title">
        {t('connect.title')}
      </h2>
      {found && (
        <p className="small selectable">
          {t('connect.address', { address: vncAddress(found.address) })}
        </p>
      )}
      {found && !found.publicAddress && (
        <p className="small">{t('connect.privateOnly', { address: found.address })}</p>
      )}
      <button
        type="button"
        className="btn btn-primary btn-block"
        aria-disabled={connect.pending || busy || undefined}
        aria-describedby="connect-hint"
        onClick={() => void onConnect()}
      >
        {connect.pending && <Spinner />}
        {connect.pending ? t('connect.connecting') : t('connect.button')}
      </button>
      <p id="connect-hint" className="field-hint">
        {found ? t('connect.hint', { url: vncUrl(found.address) }) : t('connect.hintUnknown')}
      </p>
      {connect.value && !connect.pending && <ConnectOutcome name={name} result={connect.value} />}
      {connect.error && !connect.pending && <ErrorNotice error={connect.error} />}
      {target.error && !connect.error && !connect.value && <ErrorNotice error={target.error} />}
    </section>
  );
}

function ConnectOutcome({ name, result }: { name: string; result: ConnectResult }) {
  const { t } = useI18n();
  const lines: string[] = [];
  if (result.started && result.cidrIp) lines.push(t('connect.started', { cidr: result.cidrIp }));
  if (result.opened) {
    lines.unshift(t('connect.opened', { name, url: result.url }));
    if (result.passwordCopied) lines.push(t('connect.passwordCopied'));
  } else {
    lines.unshift(t('connect.noHandler', { address: vncAddress(result.address) }));
    lines.push(t('connect.viewers'));
  }
  return (
    <div role="status" className={result.opened ? 'notice notice-success' : 'notice notice-warn'}>
      <div className="notice-body">
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </div>
  );
}
