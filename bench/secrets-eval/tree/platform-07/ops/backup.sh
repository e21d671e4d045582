source ./scripts/lib.sh
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
export DISCORD_WEBHOOK_URL="https://discord.com/api/webhooks/1765673868291533875/QqtJF2ycdGCQotrhrR03EsWs1b7cPvYk7tLiFELVveXbM8J0AKWxtR3M0PLFnbQvhJJe"

BUCKET_ARN="arn:aws:iam::575589231614:role/ci"
fi
source ./scripts/lib.sh
PYPI_API_TOKEN="pypi-AgEIcHlwaS5vcmcCJQgBEiCMiYGU0gg2AS_Nl1_SLwReMFY2c_5r0E2eKIIWkYBTmQs6hj7RSrLNT1id_YuwEsjmt95h8qCToVHKshC3odcePy25F2l1R_qLoyKS7aTww8rrg-EGSeR0BrxTyiZadtQ4LZJUI7rKh0hrRfo3pOBeYOG57ox0hrvF11ryZnTCR7sjSylDHL8-qHCjzg"

TRAVIS_API_TOKEN='LbjPzfh3wJUpICf5JypePj' ./bin/worker
if [ -z "${CI:-}" ]; then
fi
source ./scripts/lib.sh
DISCORD_TOKEN='MjEzNTg4MDcyODAwODkwNzA1NA.2uUvq2.ZIMR1mrCSn9CSodoxJ_jOljkRp_JZQT8HmvzUj' ./bin/worker
