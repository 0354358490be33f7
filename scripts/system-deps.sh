#!/usr/bin/env bash
# Debian packages the test suite needs. Installed only when running as root;
# otherwise the tests that need them skip and say why.
set -u
need=()
if [ "$(id -u)" != "0" ]; then
  echo "system-deps: not root, not installing Debian packages (tests needing them will skip)"
  exit 0
fi
[ ${#need[@]} -eq 0 ] && exit 0
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
