#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway GNOME Keyring, so the keychain
# tests talk to a real Secret Service without touching the developer's own keyring.
set -euo pipefail
if [ "${CARE_KEYCHAIN_SESSION:-}" = 1 ]; then exec "$@"; fi
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "note: dbus-run-session or gnome-keyring-daemon is missing; the keychain tests will be skipped (CI installs both)" >&2
  exec "$@"
fi
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
dbus-run-session -- bash -c 'printf "care-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; CARE_KEYCHAIN_SESSION=1 "$@"' bash "$@" 2> >(grep -v "Failed to set fd limit" >&2)
