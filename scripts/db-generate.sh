#!/bin/sh
# Regenerates migrations from db/schema. Until the first release lands, the schema is kept as one
# init migration (0000_init.sql); after that, drop the `rm` line and let drizzle-kit append.
# flock keeps two concurrent runs from racing on the journal.
set -e
cd "$(dirname "$0")/.."
mkdir -p migrations
exec flock migrations/.generate.lock sh -c 'rm -rf migrations/*.sql migrations/meta && npx drizzle-kit generate --name init'
