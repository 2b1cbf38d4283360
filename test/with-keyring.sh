#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a real, unlocked gnome-keyring, so that the
# keychain tests talk to the Secret Service a Linux desktop has, not to a mock.
# Usage: test/with-keyring.sh <command> [args...]
set -euo pipefail
if [ "${EHPC_KEYRING_READY:-}" = "1" ]; then exec "$@"; fi
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: dbus-run-session or gnome-keyring-daemon is missing (apt-get install dbus gnome-keyring)" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  exec "$@"
fi
export EHPC_KEYRING_READY=1
exec dbus-run-session -- bash -c '
  set -euo pipefail
  export XDG_DATA_HOME="$(mktemp -d)"  # a throwaway keyring, never the developer'"'"'s own
  eval "$(printf %s test-keyring-password | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
  "$@"
' with-keyring "$@"
