// Main decides what reaches the world (issue #14, item 1). The confused deputy: whatever drives
// the window sets a VNC password of its choice with the remembered run-as password, then starts
// VNC to 0.0.0.0/0. Here the real handler table (as the renderer reaches it) runs against the
// emulator and the real keychain, with the shell's ConfirmPort over the Electron double's
// `dialog.showMessageBox`, whose answers are scripted: Cancel stops both calls before E-HPC hears
// of them; OK lets them through; a confirmed CidrIp is not asked again; a wide one always is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../preload/shared/contract';
import { dialogConfirmations, messageBoxOptions } from '../../main/shell/confirm-dialogs';
import { CONFIRM_LABELS, confirmLabelsFor } from '../../main/shell/confirm-labels';
import { isWideCidr } from '../../preload/shared/validation';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import {
  electronModule,
  FakeBrowserWindow,
  messageBoxAnswers,
  messageBoxes,
} from './fake-electron';

const CLUSTER = 'ehpc-hz-000001';
const ROOT_PASSWORD = 'emu-root-pass-1';
const ATTACKER_VNC = 'Attacker-Chosen-9';
const OK = 0;
const CANCEL = 1;

function errorCode<T>(result: Result<T>): string | undefined {
  return result.ok ? undefined : result.error.code;
}

describe('native confirmations raised by main', () => {
  let fx: AppFixture;
  let parents: (FakeBrowserWindow | undefined)[];
  beforeEach(async () => {
    messageBoxes.length = 0;
    messageBoxAnswers.length = 0;
    parents = [];
    const popover = new FakeBrowserWindow({});
    popover.show();
    fx = await startAppFixture({
      clusters: 2,
      confirm: dialogConfirmations({
        dialog: electronModule.dialog,
        withWindow: (ask) => {
          parents.push(popover);
          return ask(popover as unknown as Electron.BrowserWindow);
        },
        labels: () => confirmLabelsFor('en'),
      }),
    });
    // The user once typed root's password and let the app remember it.
    await fx.vault.saveRunasPassword(CLUSTER, 'root', ROOT_PASSWORD);
  });
  afterEach(async () => {
    await fx.vault.deleteRunasPassword(CLUSTER, 'root');
    await fx.close();
  });

  const deputy = async () => {
    const password = await fx.handlers.setVncPassword({
      clusterId: CLUSTER,
      runasUser: 'root',
      rememberRunasPassword: false,
      newPassword: ATTACKER_VNC,
    });
    const start = await fx.handlers.startVnc({ clusterId: CLUSTER, cidrIp: '0.0.0.0/0' });
    return { password, start };
  };

  it('stops the confused deputy at the confirmation when the user cancels', async () => {
    messageBoxAnswers.push(CANCEL, CANCEL);
    const { password, start } = await deputy();
    expect(errorCode(password)).toBe('NotConfirmed');
    expect(errorCode(start)).toBe('NotConfirmed');
    expect(fx.emulator.count('ModifyVisualServicePasswd')).toBe(0);
    expect(fx.emulator.count('StartVisualService')).toBe(0);
    expect(fx.emulator.cluster(CLUSTER)?.vncPassword).not.toBe(ATTACKER_VNC);
    // Two boxes, parented to the popover, naming the cluster, the user and the network.
    expect(messageBoxes.map((b) => b.parented)).toEqual([true, true]);
    expect(parents).toHaveLength(2);
    expect(messageBoxes[0]?.message).toContain('root');
    expect(messageBoxes[0]?.message).toMatch(/“.+”/);
    expect(messageBoxes[1]?.message).toContain('0.0.0.0/0');
    for (const box of messageBoxes) {
      expect(box.defaultId).toBe(CANCEL);
      expect(box.cancelId).toBe(CANCEL);
    }
    // Nothing was remembered from a refusal.
    expect(fx.settings.peek().confirmedCidrs[CLUSTER]).toBeUndefined();
  });

  it('lets both through when the user confirms', async () => {
    messageBoxAnswers.push(OK, OK);
    const { password, start } = await deputy();
    expect(password.ok).toBe(true);
    expect(start.ok).toBe(true);
    expect(fx.emulator.count('ModifyVisualServicePasswd')).toBe(1);
    expect(fx.emulator.count('StartVisualService')).toBe(1);
    expect(fx.emulator.cluster(CLUSTER)?.cidrIp).toBe('0.0.0.0/0');
  });

  it('asks once for a new narrow CidrIp, and for a wide one every time', async () => {
    messageBoxAnswers.push(OK);
    expect((await fx.handlers.startVnc({ clusterId: CLUSTER, cidrIp: '203.0.113.0/24' })).ok).toBe(
      true,
    );
    expect(fx.settings.peek().confirmedCidrs[CLUSTER]).toEqual(['203.0.113.0/24']);
    expect((await fx.handlers.startVnc({ clusterId: CLUSTER, cidrIp: '203.0.113.0/24' })).ok).toBe(
      true,
    );
    expect(messageBoxes).toHaveLength(1);
    // Confirmed for this cluster only.
    const other = await fx.handlers.startVnc({
      clusterId: 'ehpc-hz-000002',
      cidrIp: '203.0.113.0/24',
    });
    expect(errorCode(other)).toBe('NotConfirmed');
    expect(messageBoxes).toHaveLength(2);
    messageBoxAnswers.push(OK, OK);
    for (let i = 0; i < 2; i++) {
      expect((await fx.handlers.startVnc({ clusterId: CLUSTER, cidrIp: '10.0.0.0/8' })).ok).toBe(
        true,
      );
    }
    expect(messageBoxes).toHaveLength(4);
    expect(fx.settings.peek().confirmedCidrs[CLUSTER]).toEqual(['203.0.113.0/24']);
    expect(fx.emulator.count('StartVisualService')).toBe(4);
  });

  it('does not ask when the user typed the run-as password', async () => {
    const set = await fx.handlers.setVncPassword({
      clusterId: CLUSTER,
      runasUser: 'root',
      runasPassword: ROOT_PASSWORD,
      rememberRunasPassword: false,
      newPassword: 'Typed-By-User-7',
    });
    expect(set.ok).toBe(true);
    expect(messageBoxes).toHaveLength(0);
  });
});

describe('the confirmation texts', () => {
  it('exist in both languages, name the cluster and default to Cancel', () => {
    const start = {
      clusterId: CLUSTER,
      clusterName: 'Render farm',
      cidrIp: '0.0.0.0/0',
      wide: true,
    };
    const change = { clusterId: CLUSTER, clusterName: 'Render farm', runasUser: 'root' };
    for (const labels of Object.values(CONFIRM_LABELS)) {
      for (const text of [labels.start(start), labels.password(change)]) {
        expect(text.message).toContain('Render farm');
        const box = messageBoxOptions(text);
        expect(box.buttons?.[box.defaultId ?? -1]).toBe(text.cancel);
      }
      expect(labels.password(change).message).toContain('root');
    }
    expect(CONFIRM_LABELS['zh-CN'].start(start).confirm).toBe('启动 VNC');
  });

  it('calls wide what opens VNC to much of the internet', () => {
    for (const wide of ['0.0.0.0/0', '::/0', '10.0.0.0/8', '100.64.0.0/15']) {
      expect(isWideCidr(wide)).toBe(true);
    }
    for (const narrow of ['203.0.113.7', '203.0.113.0/24', '172.16.0.0/16', '10.1.2.3/32']) {
      expect(isWideCidr(narrow)).toBe(false);
    }
  });
});
