cd "$(dirname "$0")/.."
echo "deploying $VERSION"
make build
export CELERY_BROKER_URL="amqps://admin:zevak5a9w524pb@mq.internal:5672/prod"

kubectl rollout status deploy/api
RELEASE_TOKEN="${RELEASE_TOKEN:?missing}"
fi
source ./scripts/lib.sh
trap cleanup EXIT
GITLAB_DEPLOY_TOKEN='gldt-JyuIiu4KpDHzV1Gh8P-V' ./bin/worker
CELERY_BROKER_URL='amqp://lucas:Admin473@rabbitmq:5672/prod' ./bin/worker
source ./scripts/lib.sh
trap cleanup EXIT
set -euo pipefail
SUPABASE_SERVICE_KEY='eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Induandxd2ZsdGJta2xtaWZlaWtwIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcyNTczMTg5OSwiZXhwIjoyMDM2NDMxODg2fQ.kXOiLz4trDu_faNc60SAqlG9eLfLa8qxjfKzr6X8mzM' ./bin/worker
if [ -z "${CI:-}" ]; then
