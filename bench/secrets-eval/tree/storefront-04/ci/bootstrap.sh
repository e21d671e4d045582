set -euo pipefail
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
make build
export GROQ_API_KEY="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"
./bin/cli login 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

kubectl rollout status deploy/api
SERVICE_TOKEN="$(cat /run/secrets/service_token)"
source ./scripts/lib.sh
trap cleanup EXIT
readonly CRATES_IO_TOKEN='cioTYwrLvquf8d0yL5hhx809OVlpVGFugqt'
set -euo pipefail
cd "$(dirname "$0")/.."
curl -u peter:12631067e913522b324affc0 https://api.stripe.com/v1/status
echo "deploying $VERSION"
make build

export DROPBOX_ACCESS_TOKEN="sl.5naPbWSC6HTAuyM_aCM1MbgSoUmyF4_LmcSEJRos94PkjsXAqE_ChqQX8bb0ErF0Ip9eMQhBOZHMS9K2OS0-NcqTTM-z5IV7Uu5w46fD3rb13Kc0GVXtGNhy8hDftbcAFG3nAJ1HKcs"
trap cleanup EXIT
set -euo pipefail
export TRACEPARENT="dcb97214ec08dcce"
echo "deploying $VERSION"
make build
readonly AUTH0_CLIENT_SECRET='mhslREgZKZkQZ01GDKOru6khbptu-7oZcysUinz0_qXYPMHiCUHt4erth0eWq4-B'
echo "deploying $VERSION"
make build
readonly DB_PASSWORD='ENC[AES256_GCM,data:kTc8BrJc8PRu2OWKpMRWFfcxiPn0qudvHxQ=,iv:k9WrZWZLLZxQtg3jYxfpU7WFrvDBMSPBMRHTPZScoaY=,tag:8EHhYkEPrlbtC+/Il2p1qg==,type:str]'
