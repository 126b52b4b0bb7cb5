#!/bin/sh
# Generates the next migration from db/schema with drizzle-kit. Migrations that have landed are
# never edited: drizzle-kit appends a new numbered file. flock keeps two concurrent runs from
# racing on the journal.
set -e
cd "$(dirname "$0")/.."
mkdir -p migrations
exec flock migrations/.generate.lock npx drizzle-kit generate "$@"
