// Strings of "arrive" (Connect, your address, address detection), kept beside the main catalogue
// and spread into it; the Chinese file must match key for key (its type says so).
export const connectEn = {
  'connect.title': 'Connect',
  'connect.button': 'Connect',
  'connect.connecting': 'Connecting…',
  'connect.hint': 'Starts VNC for the address below if it is stopped, then opens {url}.',
  'connect.hintUnknown':
    'Starts VNC for the address below if it is stopped, then opens your VNC viewer.',
  'connect.opened': 'Opening {name} in your VNC viewer: {url}.',
  'connect.started': 'VNC was stopped: started it for {cidr}.',
  'connect.passwordCopied': 'The VNC password is on the clipboard; it is cleared in 30 seconds.',
  'connect.privateOnly':
    'The login node has no public address: {address} is its private one, reachable over a VPN.',
  'connect.noHandler':
    'No VNC viewer on this computer opens vnc:// links. Copied {address}: paste it into your viewer.',
  'connect.viewers':
    'Viewers that work: TigerVNC, RealVNC Viewer, TightVNC (see the install guide).',
  'connect.address': 'Login node: {address}',
  'address.remembered': 'Addresses used before',
  'address.detect': 'Detect my address',
  'address.detecting': 'Detecting…',
  'address.detected': 'Your address, as {url} sees it:',
  'address.use': 'Use {cidr}',
  'address.dismiss': 'Not this',
  'address.ipv6':
    'This is an IPv6 address: it lets you in only when your viewer reaches the login node over IPv6. For an IPv4-only login node, use your IPv4 address.',
  'settings.connect': 'Connecting',
  'settings.detectUrl': 'Address detection URL',
  'settings.detectUrlHint':
    'An HTTPS address that answers your public IP as plain text. Empty: the app asks no outside service.',
  'settings.detectUrlInvalid': 'Use an https:// URL.',
  'settings.detectUrlSave': 'Save',
  'settings.detectUrlSaved': 'Saved.',
  'pw.rememberVnc':
    'Remember this VNC password in the system keychain, so Connect can copy it for the viewer',
} as const;
