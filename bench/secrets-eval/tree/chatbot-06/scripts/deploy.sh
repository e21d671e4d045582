fi
source ./scripts/lib.sh
trap cleanup EXIT
set -euo pipefail
readonly AWS_ACCESS_KEY_ID='AKIAIOSFODNN7EXAMPLE'
echo "deploying $VERSION"
readonly BADGE_URL='https://codecov.io/gh/umbrella/web/branch/main/graph/badge.svg?token=ZGV57EJY5M'
FASTLY_API_TOKEN='1T-yyt6WBNSv1xGXuIJ89PZrh6Wpb3XQ' ./bin/worker
COVERAGE_BADGE='https://codecov.io/gh/soylent/api/branch/main/graph/badge.svg?token=MM2N1W5PB7' ./bin/worker
cd "$(dirname "$0")/.."
readonly NGROK_AUTHTOKEN='2lSaz63bPqcXG4YhJY1h68JHQ6u_dNWCYbJQCqz9xqCjOdpM7'
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
export TENCENTCLOUD_SECRET_ID="AKIDvHkmsx6P6JedMkPiGyyjnpz8VxvjVRD5"
kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
GOOGLE_REFRESH_TOKEN="${GOOGLE_REFRESH_TOKEN:?missing}"
