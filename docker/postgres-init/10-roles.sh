#!/bin/sh
# Runs once, when the PostgreSQL volume is created. Two roles, neither a superuser:
# - appraisal_owner owns the database and its tables; the API runs migrations as it;
# - appraisal_app logs in for the application; the API grants it row privileges after migrating.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_pw="$OWNER_DB_PASSWORD" -v app_pw="$APP_DB_PASSWORD" <<'SQL'
create role appraisal_owner login nosuperuser nocreatedb nocreaterole password :'owner_pw';
create role appraisal_app login nosuperuser nocreatedb nocreaterole password :'app_pw';
create database appraisal owner appraisal_owner;
\connect appraisal
revoke create on schema public from public;
SQL
