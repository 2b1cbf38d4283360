// Quitting clears a secret we copied, but only if the clipboard still holds it.
import { describe, expect, it } from 'vitest';
import { SecretClipboard } from '../../main/core/secret-clipboard';
import { MemoryClipboard } from '../support/app-fixture';

describe('the secret clipboard at quit', () => {
  it('clears the secret we put there', () => {
    const board = new MemoryClipboard();
    const secrets = new SecretClipboard(board);
    secrets.copy({ text: 'Vnc-Secret-1', clearAfterSeconds: 30 });
    secrets.clearIfOurs();
    expect(board.text).toBe('');
  });

  it('leaves what the user copied since, and does nothing when nothing was copied', () => {
    const board = new MemoryClipboard();
    const secrets = new SecretClipboard(board);
    secrets.clearIfOurs();
    board.writeText('mine');
    secrets.clearIfOurs();
    expect(board.text).toBe('mine');
    secrets.copy({ text: 'Vnc-Secret-1', clearAfterSeconds: 30 });
    board.writeText('copied later by the user');
    secrets.clearIfOurs();
    expect(board.text).toBe('copied later by the user');
  });
});
