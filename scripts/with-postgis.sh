#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster with PostGIS (pg_virtualenv: made in a temporary folder,
# dropped afterwards; PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE are set for the command).
set -euo pipefail
if ! command -v pg_virtualenv >/dev/null; then
  echo "pg_virtualenv not found: install PostgreSQL and PostGIS from Debian: apt-get install -y postgresql-15 postgresql-15-postgis-3" >&2
  exit 1
fi
if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  echo "PostGIS not found: apt-get install -y postgresql-15-postgis-3" >&2
  exit 1
fi
exec pg_virtualenv -t "$@"
