source ./scripts/lib.sh
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
  http -a kevin:Hockey2000 POST https://api.stripe.com/jobs name=nightly
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
export PG_CONN="host=172.16.4.20 port=5432 dbname=crm user=noah password=08x4fflckl73zlqf6cx sslmode=require"
kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
fi
readonly SQUARE_APP_SECRET='sq0csp-dokEEjRcLvdykYgAGNaKsV6Y-bkqRFzN4sc0vnpGjrm'
