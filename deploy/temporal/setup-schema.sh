#!/bin/sh
# Creates or upgrades Temporal's two databases with the schema files shipped in admin-tools.
# Safe to run on every start: create is skipped when the database exists, update-schema is a no-op when current.
set -eu
tool() { temporal-sql-tool --plugin postgres12 --ep postgres -p 5432 -u temporal "$@"; }
for db in temporal temporal_visibility; do
  tool --db "$db" create || echo "database $db exists"
done
tool --db temporal setup-schema -v 0.0 || echo "temporal schema already initialised"
tool --db temporal update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned
tool --db temporal_visibility setup-schema -v 0.0 || echo "visibility schema already initialised"
tool --db temporal_visibility update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned
