#!/bin/sh
# Run by the postgres image on its first start (an empty data volume), as the superuser that
# POSTGRES_USER names. Creates the two roles the app uses and hands the database to the owner:
#   research_desk_owner  owns the schema; the app migrates as it (DATABASE_MIGRATION_URL)
#   research_desk_app    owns nothing; the app runs as it (DATABASE_URL) with the grants the
#                        migrations give it, so it can neither switch off a trigger nor rewrite
#                        the audit and publication logs
# Safe to run again (`docker compose exec -T db sh /docker-entrypoint-initdb.d/10-research-desk-roles.sh`):
# existing roles keep their passwords, and a database that already has tables keeps its owner.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$DATABASE_OWNER_PASSWORD" -v app_password="$DATABASE_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE research_desk_owner LOGIN PASSWORD %L', :'owner_password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'research_desk_owner') \gexec
SELECT format('CREATE ROLE research_desk_app LOGIN PASSWORD %L', :'app_password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'research_desk_app') \gexec
-- The public schema belongs to the database's owner (PostgreSQL 15+), so the owner can create tables.
SELECT format('ALTER DATABASE %I OWNER TO research_desk_owner', current_database())
  WHERE NOT EXISTS (SELECT FROM pg_tables WHERE schemaname = 'public') \gexec
SQL
