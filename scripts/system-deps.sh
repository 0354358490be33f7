#!/usr/bin/env bash
# Debian packages the test suite needs. Installed only when running as root;
# otherwise the tests that need them skip and say why. Idempotent: when every
# package is already installed it does nothing (no apt-get update).
set -u
packages=(
  chromium            # headless browser for the web app tests (tests/browser), driven by Playwright
  fonts-hosny-amiri   # an Arabic naskh font, so browser screenshots show real Arabic glyphs
)
need=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
# Java runtime for the Spark engine's tests (pyspark runs Spark in a local JVM); any java on PATH will do
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "system-deps: not root, not installing ${need[*]} (tests needing them will skip)"
  exit 0
fi
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
