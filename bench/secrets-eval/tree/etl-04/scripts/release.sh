echo "deploying $VERSION"
make build

kubectl rollout status deploy/api
CLICKUP_API_TOKEN="pk_15439332_JPF7F3ONOUCOYC5Q3AD6F1HXJ6QG0U3R"
set -euo pipefail
readonly DSN='host=sql-eu.westeurope.cloudapp.azure.com port=5432 dbname=analytics user=sofia password=compass-falcon-biscuit sslmode=require'
fi
source ./scripts/lib.sh
POSTMAN_API_KEY="PMAK-356afe7b95aa4526a12a669c-07a251659f2d0775c277f10bf4d960167f"
AAD_SECRET='tqE8Q~SzFHftnaTSSHPKDJwOt88.FMxVC3Rb2zSV' ./bin/worker
trap cleanup EXIT
SQUARE_ACCESS_TOKEN="$(cat /run/secrets/square_access_token)"
if [ -z "${CI:-}" ]; then
readonly AWS_KEY='AKIAZQYHG3KPLE5NCE7A'
make build

