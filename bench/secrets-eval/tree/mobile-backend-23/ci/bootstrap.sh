
kubectl rollout status deploy/api
PASSWORD_HASH="$6$gaQby6br$RTECFE1jdkGFiOrbZKikyJvFI1nvYAz1gdiCXzdoP.G3qHC68GEDt4hFAZSpzJ1VudTX9faI7LvNsiLL9RY3lN"
if [ -z "${CI:-}" ]; then
fi
export OKTA_CLIENT_TOKEN="00efslKW5cYQFP5bYGGJaQ_igLqJOH7nGNu0_aedAk"
set -euo pipefail
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
TRAVIS_API_TOKEN="$(vault kv get -field=value secret/travis_api_token)"
set -euo pipefail
