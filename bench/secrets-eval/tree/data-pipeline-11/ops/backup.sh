echo "deploying $VERSION"
make build

kubectl rollout status deploy/api
TAILSCALE_AUTHKEY="$(vault kv get -field=value secret/tailscale_authkey)"
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
export ANTHROPIC_ADMIN_KEY="sk-ant-admin01-m3docZezUxB1dp__-xqeWcnPss5sMx-50146I5wCqC_PNZVfrC8308s3eEyMIkLzC97nfFGysk-VEwY6FzazpFw_jVVE_AA"
make build
readonly MYSQL_DSN='postgres:_SmYH5xuH5Kybg4KMdrrA_EilebV@tcp(10.0.3.17:3306)/prod?parseTime=true'
source ./scripts/lib.sh
trap cleanup EXIT
set -euo pipefail
readonly RELEASE_TOKEN='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'
kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
PULUMI_ACCESS_TOKEN='pul-86d142ff4bbfc29b667c5f0a946b438d646e4c1d' ./bin/worker
