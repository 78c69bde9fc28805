#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised (docker-compose.yml mounts this
# directory on /docker-entrypoint-initdb.d). Each service gets its own database owned by its
# own login role, so no service can read another's data. Passwords come from the environment.
set -eu

create_service_database() {
    db="$1"
    owner="$2"
    password="$3"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v db="$db" -v owner="$owner" -v password="$password" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
}

create_service_database plan plan "$PLAN_DB_PASSWORD"
create_service_database report report "$REPORT_DB_PASSWORD"
create_service_database notification notification "$NOTIFICATION_DB_PASSWORD"
