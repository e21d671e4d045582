kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
fi
source ./scripts/lib.sh
cli configure --value d40bb7d75bac1451d06a82fb6ffae4e19f1dNRAL
source ./scripts/lib.sh
TWILIO_API_KEY="SK810797a7d8c2125b9be8d5db91064aba"
MAIL_PASS="PretzelWalnut45"
source ./scripts/lib.sh
trap cleanup EXIT
readonly SLACK_APP_TOKEN='xapp-1-AT5ZA9I47EP-8094653684780-22e6f2840b4d5e940731cb593966c74ee5ca94e58289a60668e30fe18c6309e6'
TWINE_PASSWORD='pypi-AgEIcHlwaS5vcmcCJQgBEiA3zBTZnrR6kS5bCXohiwvx2hEcrOJTj8ux5VtMq-8fnjtzZ2L7-FcBAHDJvtdAX8ynHT5DZ52NdCc5HLZeC7YLu7ZvCiJ0HdhtBGRYLILiltXAKER3gQ5QdDw' ./bin/worker
make build
DOCKER_PASSWORD='dckr_pat_3e4za8-G4lo85wz91j-zf1fB9cy' ./bin/worker
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
