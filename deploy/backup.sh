#!/usr/bin/env bash
# Daily backup: a custom-format pg_dump (compressed, restorable table by table with pg_restore),
# checked by listing it, then old dumps removed. The audit key is not in the dump: keep
# /etc/ichimado/ichimado.env in the city's secret store (docs/OPERATIONS.md).
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is not set}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/ichimado}
KEEP_DAYS=${KEEP_DAYS:-35}
mkdir -p "$BACKUP_DIR"
umask 077
stamp=$(date +%Y%m%d-%H%M%S)
target="$BACKUP_DIR/ichimado-$stamp.dump"
pg_dump --format=custom --compress=6 --no-owner --file="$target.partial" "$DATABASE_URL"
# A dump pg_restore cannot read is no backup.
pg_restore --list "$target.partial" >/dev/null
mv "$target.partial" "$target"
find "$BACKUP_DIR" -name 'ichimado-*.dump' -mtime +"$KEEP_DAYS" -delete
echo "backup written: $target ($(du -h "$target" | cut -f1))"
