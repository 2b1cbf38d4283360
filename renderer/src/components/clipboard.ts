// Non-secret text only (a RequestId, the RAM policy). Secrets go through copySecret in main,
// which clears the clipboard afterwards.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
