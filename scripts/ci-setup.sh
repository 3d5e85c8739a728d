#!/usr/bin/env bash
# Installs what the build needs from the system: libpcap for live capture (pcap4j loads libpcap.so.0.8
# through JNA). Safe to run again: it installs only what is missing.
set -euo pipefail

have_libpcap() {
  ldconfig -p 2>/dev/null | grep -q 'libpcap\.so\.0\.8' \
    || ls /usr/lib/*/libpcap.so.0.8 /usr/lib/libpcap.so.0.8 >/dev/null 2>&1
}

if ! have_libpcap; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends libpcap0.8
fi
have_libpcap || { echo "ci-setup: libpcap0.8 is still missing" >&2; exit 1; }
