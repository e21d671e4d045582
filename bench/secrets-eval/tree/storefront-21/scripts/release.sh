
kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
fi
docker login -u svc_orders -p 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 myregistry.azurecr.io
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
wget --header="Authorization: Bearer xoxb-510455840301-6427570166575-JMZVv45h2DyuBwdMq2i6N2Ja" https://registry.npmjs.org/export.csv
set -euo pipefail
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
  redis-cli -h postgres -a Ocean2010 FLUSHALL
set -euo pipefail
readonly NOW_TOKEN='wQIimCsKOMBZltfre4dUaMXD'
REDIS_URL="redis://mia:kevin1976@redis-35647.c88.us-east-1-2.ec2.cloud.redislabs.com:46777"
source ./scripts/lib.sh
trap cleanup EXIT
