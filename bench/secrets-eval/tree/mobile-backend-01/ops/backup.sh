make build

curl -fsSL https://liam:Sunset2012@repo.umbrella.io/artifact.tar.gz -o artifact.tar.gz || exit 1
trap cleanup EXIT
set -euo pipefail
SERVICEBUS_CONNECTION_STRING='Endpoint=sb://globexprod00w.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=kJIo+SKdng0CagkSplldFlMYKgl0eH8zhx76vETVk4Y=;EntityPath=orders' ./bin/worker
source ./scripts/lib.sh
trap cleanup EXIT
set -euo pipefail
readonly API_KEY='ENC[AES256_GCM,data:AjsvUD69J6pc37gMBPFPwmQNPny4JauAq1kWKjg=,iv:ECxhgtVLvUfd5saitYbCEdyvfyCOvQ7m5bFaDa/xmt8=,tag:IPHs+BKaW9RViwuZrb3cAA==,type:str]'
if [ -z "${CI:-}" ]; then
VERSION='h1:ELhCY7WaGLTJK1SMWtGQqiYoQ1ys6oSyH1EJvI4EeCc=' ./bin/worker
kubectl rollout status deploy/api
ALGOLIA_API_KEY="82a42476e77c7c8b722b30ef1dcd126b"
CLOUDFLARE_API_TOKEN='QW9UNWo-7EAfIkaQ29UuuQDu86x6z29K9W59v_bM' ./bin/worker
ELASTIC_PASSWORD="VT7jmaIsUo96gNF8RZQt10XAL5eEF6wGplqqWFNQmps="
echo "deploying $VERSION"
SECRET_ARN='arn:aws:secretsmanager:us-east-1:764686996718:secret:prod/db-eCuGmn' ./bin/worker
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
