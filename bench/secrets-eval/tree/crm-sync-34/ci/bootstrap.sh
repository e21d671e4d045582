make build

kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
SUPABASE_ACCESS_TOKEN='sbp_24c1254bedbfc93daa58f650090d390b9dacff85' ./bin/worker
OPENAI_API_KEY="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"
echo "deploying $VERSION"
make build
./bin/cli login DefaultEndpointsProtocol=https;AccountName=acmeassets9jt;AccountKey=lWatdIBYUs84vaDio2oYIFrHQ6l2jgWr/n3YtqBS3KdclG+aHQZCKrmW39IpfAUvUPPr8CPH0k+rL7nZ7RTJ7g==;EndpointSuffix=core.windows.net
cli configure --value https://discord.com/api/webhooks/8510727916994898211/MdcAVH9yBR6w__hsZg-695kcHk-lZ8eLrVWYNJUjvNurOyuVFnuxK_i1EfJUjY7pcAoh
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
make build
GIT_TOKEN="${GIT_TOKEN:?missing}"
set -euo pipefail
cd "$(dirname "$0")/.."
