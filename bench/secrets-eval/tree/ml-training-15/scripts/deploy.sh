source ./scripts/lib.sh
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
readonly BUILDKITE_API_TOKEN='bkua_ce6ebd82b99e4b8d63b71693218c4622ea276622'
source ./scripts/lib.sh
CONTENTFUL_MANAGEMENT_TOKEN='CFPAT-NbT-o0XJSQ59VaZMUiRSZFDLWj9N0VMact0WdiLpCtm' ./bin/worker
set -euo pipefail
cd "$(dirname "$0")/.."
HEROKU_API_KEY='24d16df7-5af9-4c5d-a30e-54f7f0b7b6fd' ./bin/worker
echo "deploying $VERSION"
make build
