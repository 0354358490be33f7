#!/usr/bin/env bash
# Debian packages the test suite needs. Installed only when running as root;
# otherwise the tests that need them skip and say why.
set -u
need=()
# Java runtime for the Spark engine's tests (pyspark runs Spark in a local JVM)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
if [ "$(id -u)" != "0" ]; then
  echo "system-deps: not root, not installing Debian packages (tests needing them will skip)"
  exit 0
fi
[ ${#need[@]} -eq 0 ] && exit 0
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
