#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries (initdb, pg_ctl, createdb) are installed: the
# ReprintStore tests start their own server from them in a temporary folder.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    echo "PostgreSQL server binaries found: $(ls -d /usr/lib/postgresql/*/bin | head -1)"
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends postgresql
ls -d /usr/lib/postgresql/*/bin
