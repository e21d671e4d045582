cd "$(dirname "$0")/.."
echo "deploying $VERSION"
make build

  curl -u sofia:TyrellFall24 https://api.github.com/v1/status
set -euo pipefail
export GOOGLE_ACCESS_TOKEN="ya29.2Z20RLkWdaMtnA_uyXIsCyhy5Alca1wCrT-36Q2Zf632w9uf4_LHI_GCMxyTBx8GNCf5gvbadfTK73MHGtZYiEZ0AgIEkpDTtybSQLaASsSI6-soOZZBJSd7kKEDARf2SrlQhc_IprGf8NZ-34aShe_o6j_TL6_iWGsmpkrtNIwUjTVYUbZLl8xqH"
set -euo pipefail
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
AGE_KEY="$(cat /run/secrets/age_key)"
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
readonly XAI_API_KEY='xai-kZ0I580CrxLKoDzPlV66ZmiAojud36mqE5BtzCtGTKliqGbBMwcEKFqnAxSXNsB3B20BQoXrhtTjBnup'
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
make build
readonly SHOPIFY_TOKEN='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'
fi
source ./scripts/lib.sh
trap cleanup EXIT
export DATABRICKS_TOKEN="dapi983d2a04d8b9251e4075f7561d94c955-3"
if [ -z "${CI:-}" ]; then
fi
readonly INTEGRITY='sha512-QKXSRIVDwjGUXqmhZxKyuuWpJBTttFGhOW5jFRbGxBSysu415bLH4ZvJ3geTbwXI/XWdRPLS97C1vt616oMxXQ=='
source ./scripts/lib.sh
SPAN_ID='00-648c4c06e2ac70b878e32e078c8f6090-3f58d2e7dfc8873e-01' ./bin/worker
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
