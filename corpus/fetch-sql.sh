#!/usr/bin/env bash
# Fetches production SQL schemas and migration histories shipped in Debian
# packages (PostgreSQL, MySQL, SQLite) into corpus/external/sql/ — nobody on this
# project wrote them. Debian's archive is the only source; nothing is committed.
#
#   corpus/fetch-sql.sh
#
# Output: corpus/external/sql/{schemas,schema-sets,migrations}/<dialect>/...
# and corpus/external/sql/MANIFEST.tsv (path, dialect, package, version, source).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
TARGET="$here/external"
CACHE="$TARGET/deb-cache"
mkdir -p "$CACHE"/debs
log() { printf '[fetch-sql] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- Debian
DEB_PKGS=(
  zabbix-server-pgsql zabbix-server-mysql zabbix-proxy-sqlite3 icinga2-ido-pgsql icinga2-ido-mysql icingadb
  icingaweb2 icingaweb2-module-director icingaweb2-module-reporting icingaweb2-module-x509 roundcube-core pdns-backend-pgsql
  pdns-backend-mysql pdns-backend-sqlite3 freeradius-config bacula-director-pgsql bacula-director-mysql bacula-director-sqlite3
  mediawiki kamailio-postgres-modules kamailio-mysql-modules kamailio-sqlite-modules rsyslog-pgsql rsyslog-mysql
  phpmyadmin spamassassin gammu-smsd ejabberd postgresql-15-pgq3
)
if ! apt-cache policy zabbix-server-pgsql 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  log "apt-get update (package lists missing)"; apt-get update >&2
fi
declare -A DEBVER
for p in "${DEB_PKGS[@]}"; do
  cand=$(apt-cache policy "$p" | awk '/Candidate:/{print $2}')
  [ -n "$cand" ] && [ "$cand" != "(none)" ] || { log "ERROR: no candidate for $p"; exit 1; }
  fcand=${cand//:/%3a}
  deb=$(ls "$CACHE/debs/${p}_${fcand}_"*.deb 2>/dev/null | head -1 || true)
  if [ -z "$deb" ]; then
    log "apt-get download $p=$cand"
    (cd "$CACHE/debs" && apt-get download "$p=$cand" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2 || true)
    deb=$(ls "$CACHE/debs/${p}_${fcand}_"*.deb 2>/dev/null | head -1 || true)
    [ -n "$deb" ] || { log "ERROR: download of $p failed"; exit 1; }
  fi
  DEBVER[$p]=$(dpkg-deb -f "$deb" Version)
  rm -rf "$CACHE/x/$p"; mkdir -p "$CACHE/x/$p"; dpkg-deb -x "$deb" "$CACHE/x/$p"
done

# ---------------------------------------------------------------- assemble
rm -rf "$TARGET/sql"
MANIFEST="$TARGET/sql/MANIFEST.tsv"
mkdir -p "$TARGET/sql"
printf 'path\tkind\tdialect\tpackage\tversion\tsource\n' > "$MANIFEST"

# put KIND DIALECT PKG SRC DEST  (SRC relative to the extracted package; .gz is gunzipped)
put() {
  local kind=$1 dialect=$2 pkg=$3 src=$4 dest=$5
  local from="$CACHE/x/$pkg/$src"
  [ -f "$from" ] || { log "ERROR: missing $pkg:$src"; exit 1; }
  mkdir -p "$(dirname "$TARGET/$dest")"
  case "$src" in *.gz) gzip -dc "$from" > "$TARGET/$dest" ;; *) cp "$from" "$TARGET/$dest" ;; esac
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$dest" "$kind" "$dialect" "$pkg" "${DEBVER[$pkg]}" "$src" >> "$MANIFEST"
}
# putdir KIND DIALECT PKG SRCDIR DESTDIR [find-args...]
putdir() {
  local kind=$1 dialect=$2 pkg=$3 srcdir=$4 destdir=$5; shift 5
  local base="$CACHE/x/$pkg/$srcdir" n=0 rel
  [ -d "$base" ] || { log "ERROR: missing dir $pkg:$srcdir"; exit 1; }
  while IFS= read -r -d '' f; do
    rel=${f#"$base"/}
    put "$kind" "$dialect" "$pkg" "$srcdir/$rel" "$destdir/$rel"; n=$((n+1))
  done < <(find "$base" -type f "$@" -print0 | sort -z)
  [ $n -gt 0 ] || { log "ERROR: nothing matched in $pkg:$srcdir"; exit 1; }
}

log "assembling SQL schemas"
S=sql/schemas
# --- PostgreSQL
put schema postgresql zabbix-server-pgsql usr/share/zabbix-server-pgsql/schema.sql.gz $S/postgresql/zabbix-server.sql
put schema postgresql icinga2-ido-pgsql usr/share/icinga2-ido-pgsql/schema/pgsql.sql $S/postgresql/icinga2-ido.sql
put schema postgresql icingadb usr/share/icingadb/schema/pgsql/schema.sql $S/postgresql/icingadb.sql
put schema postgresql icingaweb2 usr/share/icingaweb2/schema/pgsql.schema.sql $S/postgresql/icingaweb2.sql
put schema postgresql icingaweb2-module-director usr/share/icingaweb2/modules/director/schema/pgsql.sql $S/postgresql/icingaweb2-director.sql
put schema postgresql icingaweb2-module-reporting usr/share/icingaweb2/modules/reporting/schema/postgresql.sql $S/postgresql/icingaweb2-reporting.sql
put schema postgresql roundcube-core usr/share/roundcube/SQL/postgres.initial.sql $S/postgresql/roundcube.sql
put schema postgresql pdns-backend-pgsql usr/share/pdns-backend-pgsql/schema/schema.pgsql.sql $S/postgresql/powerdns.sql
put schema postgresql freeradius-config etc/freeradius/3.0/mods-config/sql/main/postgresql/schema.sql $S/postgresql/freeradius.sql
put schema postgresql bacula-director-pgsql usr/share/dbconfig-common/data/bacula-director-pgsql/install/pgsql $S/postgresql/bacula.sql
put schema postgresql mediawiki usr/share/mediawiki/maintenance/postgres/tables-generated.sql $S/postgresql/mediawiki.sql
put schema postgresql rsyslog-pgsql usr/share/dbconfig-common/data/rsyslog-pgsql/install/pgsql $S/postgresql/rsyslog.sql
put schema postgresql ejabberd usr/share/ejabberd/sql/pg.sql $S/postgresql/ejabberd.sql
put schema postgresql ejabberd usr/share/ejabberd/sql/pg.new.sql $S/postgresql/ejabberd-multihost.sql
put schema postgresql gammu-smsd usr/share/doc/gammu-smsd/examples/pgsql.sql $S/postgresql/gammu-smsd.sql
put schema postgresql postgresql-15-pgq3 usr/share/postgresql/15/extension/pgq--3.5.sql $S/postgresql/pgq.sql
put schema postgresql spamassassin usr/share/doc/spamassassin/sql/bayes_pg.sql $S/postgresql/spamassassin-bayes.sql
# --- MySQL / MariaDB
put schema mysql zabbix-server-mysql usr/share/zabbix-server-mysql/schema.sql.gz $S/mysql/zabbix-server.sql
put schema mysql icinga2-ido-mysql usr/share/icinga2-ido-mysql/schema/mysql.sql $S/mysql/icinga2-ido.sql
put schema mysql icingadb usr/share/icingadb/schema/mysql/schema.sql $S/mysql/icingadb.sql
put schema mysql icingaweb2 usr/share/icingaweb2/schema/mysql.schema.sql $S/mysql/icingaweb2.sql
put schema mysql icingaweb2-module-director usr/share/icingaweb2/modules/director/schema/mysql.sql $S/mysql/icingaweb2-director.sql
put schema mysql icingaweb2-module-reporting usr/share/icingaweb2/modules/reporting/schema/mysql.sql $S/mysql/icingaweb2-reporting.sql
put schema mysql icingaweb2-module-x509 usr/share/icingaweb2/modules/x509/etc/schema/mysql.schema.sql $S/mysql/icingaweb2-x509.sql
put schema mysql roundcube-core usr/share/roundcube/SQL/mysql.initial.sql $S/mysql/roundcube.sql
put schema mysql pdns-backend-mysql usr/share/pdns-backend-mysql/schema/schema.mysql.sql $S/mysql/powerdns.sql
put schema mysql freeradius-config etc/freeradius/3.0/mods-config/sql/main/mysql/schema.sql $S/mysql/freeradius.sql
put schema mysql bacula-director-mysql usr/share/dbconfig-common/data/bacula-director-mysql/install/mysql $S/mysql/bacula.sql
put schema mysql mediawiki usr/share/mediawiki/maintenance/tables-generated.sql $S/mysql/mediawiki.sql
put schema mysql rsyslog-mysql usr/share/dbconfig-common/data/rsyslog-mysql/install/mysql $S/mysql/rsyslog.sql
put schema mysql ejabberd usr/share/ejabberd/sql/mysql.sql $S/mysql/ejabberd.sql
put schema mysql gammu-smsd usr/share/doc/gammu-smsd/examples/mysql.sql $S/mysql/gammu-smsd.sql
put schema mysql phpmyadmin usr/share/phpmyadmin/sql/create_tables.sql $S/mysql/phpmyadmin.sql
put schema mysql spamassassin usr/share/doc/spamassassin/sql/bayes_mysql.sql $S/mysql/spamassassin-bayes.sql
# --- SQLite
put schema sqlite zabbix-proxy-sqlite3 usr/share/zabbix-proxy-sqlite3/schema.sql.gz $S/sqlite/zabbix-proxy.sql
put schema sqlite roundcube-core usr/share/roundcube/SQL/sqlite.initial.sql $S/sqlite/roundcube.sql
put schema sqlite pdns-backend-sqlite3 usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql $S/sqlite/powerdns.sql
put schema sqlite freeradius-config etc/freeradius/3.0/mods-config/sql/main/sqlite/schema.sql $S/sqlite/freeradius.sql
put schema sqlite bacula-director-sqlite3 usr/share/dbconfig-common/data/bacula-director-sqlite3/install/sqlite3 $S/sqlite/bacula.sql
put schema sqlite mediawiki usr/share/mediawiki/maintenance/sqlite/tables-generated.sql $S/sqlite/mediawiki.sql
put schema sqlite ejabberd usr/share/ejabberd/sql/lite.sql $S/sqlite/ejabberd.sql
put schema sqlite gammu-smsd usr/share/doc/gammu-smsd/examples/sqlite.sql $S/sqlite/gammu-smsd.sql

log "assembling SQL schema sets (one file per module)"
putdir schema-set postgresql kamailio-postgres-modules usr/share/kamailio/postgres sql/schema-sets/kamailio-postgresql -name '*.sql'
putdir schema-set mysql kamailio-mysql-modules usr/share/kamailio/mysql sql/schema-sets/kamailio-mysql -name '*.sql'
putdir schema-set sqlite kamailio-sqlite-modules usr/share/kamailio/db_sqlite sql/schema-sets/kamailio-sqlite -name '*.sql'

log "assembling SQL migration directories"
M=sql/migrations
putdir migration postgresql roundcube-core usr/share/roundcube/SQL/postgres $M/roundcube-postgresql -name '*.sql'
putdir migration mysql roundcube-core usr/share/roundcube/SQL/mysql $M/roundcube-mysql -name '*.sql'
putdir migration sqlite roundcube-core usr/share/roundcube/SQL/sqlite $M/roundcube-sqlite -name '*.sql'
putdir migration postgresql icinga2-ido-pgsql usr/share/icinga2-ido-pgsql/schema/upgrade $M/icinga2-ido-postgresql -name '*.sql'
putdir migration mysql icinga2-ido-mysql usr/share/icinga2-ido-mysql/schema/upgrade $M/icinga2-ido-mysql -name '*.sql'
putdir migration mysql icingadb usr/share/icingadb/schema/mysql/upgrades $M/icingadb-mysql -name '*.sql'
putdir migration postgresql icingaweb2-module-director usr/share/icingaweb2/modules/director/schema/pgsql-migrations $M/icingaweb2-director-postgresql -name '*.sql'
putdir migration mysql icingaweb2-module-director usr/share/icingaweb2/modules/director/schema/mysql-migrations $M/icingaweb2-director-mysql -name '*.sql'
putdir migration postgresql pdns-backend-pgsql usr/share/pdns-backend-pgsql/schema $M/powerdns-postgresql -name '*_to_*.sql'
putdir migration mysql pdns-backend-mysql usr/share/pdns-backend-mysql/schema $M/powerdns-mysql -name '*_to_*.sql'
putdir migration sqlite pdns-backend-sqlite3 usr/share/pdns-backend-sqlite3/schema $M/powerdns-sqlite -name '*_to_*.sql'

log "done: $(($(wc -l < "$MANIFEST") - 1)) files in $TARGET/sql"
