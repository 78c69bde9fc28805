#!/usr/bin/env bash
# The compose checks need the docker-compose CLI (it validates the file without a Docker engine).
# Installs Debian's package when it is missing and this user may; otherwise says how.
set -euo pipefail
if command -v docker-compose >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "[deploy-check] installing docker-compose (Debian package) for the compose checks"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
    exit 0
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "[deploy-check] installing docker-compose (Debian package) for the compose checks"
    sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
    exit 0
  fi
fi
echo "[deploy-check] docker-compose is missing and cannot be installed here; install it (apt-get install -y docker-compose)" >&2
exit 1
