source ./scripts/lib.sh
trap cleanup EXIT
git clone https://kevin:mia1991@gitlab.com/tyrell/infra.git || exit 1
source ./scripts/lib.sh
TYPEFORM_TOKEN="tfp_YvZ9ReOV046SFAPZPLht38wWv3zy4UXywvjqMjfnRaV5_qHHQUXs1U7yctF"
readonly SECRET_KEY_BASE='ee656b74f2cacbf4c9db7d68b81fbfe5'
echo "deploying $VERSION"
make build
readonly DISCORD_WEBHOOK_URL='<redacted>'
fi
source ./scripts/lib.sh
readonly LDAP_BIND_PASSWORD='Banana2024?'
set -euo pipefail
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
./bin/cli login AIzapPV3C7kchkIa2dcRZ7kMa_5QGovwUJq2gIW
kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
fi
CIRCLE_TOKEN='CCIPAT_tUKUHM9ZEIZqWDPkot0aDV_ed60fa45a1598239f202d2efb44cc74cadac8b18' ./bin/worker
echo "deploying $VERSION"
make build

