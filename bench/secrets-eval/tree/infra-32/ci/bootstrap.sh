kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
fi
source ./scripts/lib.sh
GRAFANA_API_KEY="glsa_Df1ZTw0rGqaPc4lZimiNWP9ZbhG53oPg_4c540c87"
INTEGRITY="sha512-Tpw6rlNsAqlnxgwEnoEHdWpQtE0bc5sVj6dlyCw2YY1mAbEB/cA4pN2aP5DJ0NVpeBlk9EBFJshN14XPXC/I6Q=="
make build

readonly CHUNK='run-6619659229-7'
CI_SERVER_TOKEN='glrt-nBoZaqFANIdN9TBv4pMC' ./bin/worker
make build
export CRATES_IO_TOKEN="cioEwsr41bGdHp3ZRqdkBZPN0hzvMeZgz7x"
fi
source ./scripts/lib.sh
export ORACLE_JDBC_URL="jdbc:oracle:thin:ci-bot/1atFn0Tfd1fkkZZIEcfGW05BygrMRzIJL0T9MqQySDU@db01.corp.lan:1521/ORCLPDB1"
set -euo pipefail
MONGODB_URL='mongodb://mia:57bdfcfffcfc53cb55f84fec6c16eca88b1b1d2393f1b238423d3d87b18c8e19@mongo-0.mongo:27017,mongo-1.mongo:27017/billing?replicaSet=rs0&authSource=admin' ./bin/worker
fi
source ./scripts/lib.sh
trap cleanup EXIT
