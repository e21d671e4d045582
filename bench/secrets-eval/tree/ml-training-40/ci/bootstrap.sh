make build

kubectl rollout status deploy/api
DT_API_TOKEN="$(vault kv get -field=value secret/dt_api_token)"

readonly LINODE_API_TOKEN='d839271772e8df59a8f68c8729b138867edc6c2d36f207c5f79db4f1ca6468d2'

kubectl rollout status deploy/api
export SENDINBLUE_API_KEY="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"
if [ -z "${CI:-}" ]; then
fi
source ./scripts/lib.sh
COOKIE_SECRET="C057RtNhVTNXkqR6ewA-dhqRId3tV8ad7Ge6OVSRabidWf57"
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
./bin/cli login ya29.zKOc1eMI_9Hpp0CFwUPmzcO8vKT2ZxArjQLvw9sqof5K_9CZK25583-5V3yrKvXgcvHOHaoqPK0UDbpXb-aYRDSQ4IgTDQQ28A7Ywzzc4f_eHYEwE5K746jMj_sFbmnU617zAvBJi97vHN8W5cH7dKtwrISWEIGAXTZWM
set -euo pipefail
cd "$(dirname "$0")/.."
./bin/cli login org.apache.kafka.common.security.plain.PlainLoginModule required username="8DLRSCK1U2DD6OCU" password="22tpUgmmx/kny0IfmBDyPyrzGMbH4lqxkF4iSNb/zG371If25Bv5yVbN8H7sHcng";
if [ -z "${CI:-}" ]; then
fi
