#!/bin/sh
# Postgres image init hook (runs once on an empty data directory): one role and database for
# Temporal (it also gets temporal_visibility, created by its schema tool), one for Nudgeflow.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
CREATE ROLE temporal LOGIN CREATEDB PASSWORD '$TEMPORAL_DB_PASSWORD';
CREATE ROLE nudgeflow LOGIN PASSWORD '$NUDGEFLOW_DB_PASSWORD';
CREATE DATABASE nudgeflow OWNER nudgeflow;
SQL
