trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
readonly GL_TOKEN='glpat-mtW_8Pmu-waB2ZY8AKTb'
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
export SENTRY_AUTH_TOKEN="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"
if [ -z "${CI:-}" ]; then
fi
source ./scripts/lib.sh
readonly GROQ_API_KEY='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'
make build
./bin/cli login rzp_live_iE0YjbjfLB0Tad
