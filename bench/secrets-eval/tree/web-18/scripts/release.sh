kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
SENTRY_AUTH_TOKEN="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"
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
ENCRYPTION_KEY='mhjWydgwo+GAKRsCNhre2v+TI+YB4A1VlZiyK1Q1LOU=' ./bin/worker
make build
readonly SQUARE_APP_SECRET='sq0csp-5YSGQZfJllfzDrzdlcwpFJSDDT0PJ97VVB2H-CWQjEJ'
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
readonly ARM_CLIENT_SECRET='Bua6Q~TUfxa.b2Ye3BIs6-da6zp2uii_O0v3JMHC'
fi
source ./scripts/lib.sh
trap cleanup EXIT
