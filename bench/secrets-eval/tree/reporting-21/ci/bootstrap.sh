trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
docker login -u olivia -p W1nt3r33 registry.gitlab.com || exit 1
source ./scripts/lib.sh
trap cleanup EXIT
readonly COVERAGE_BADGE='https://codecov.io/gh/wayne/web/branch/main/graph/badge.svg?token=9DUUYRZCRL'
if [ -z "${CI:-}" ]; then
fi
source ./scripts/lib.sh
SLACK_REFRESH_TOKEN='xoxe-1-B1cjmKk4qWEQLkd0UmXZr4y18MZS9POGRbAnuJ2k9mAH18si99FjvTLk0kGAg5kCShUpka7e74KQ9kWDICeRMte2wATfV0Jquv9hHaVJH6hGvHGe0AiYIe9xu2kLZQqwZTodV8xPk8pO0tflg4' ./bin/worker
make build

redis-cli -h orders-db.prod.acme.io -a kevin1980 FLUSHALL || exit 1
make build
