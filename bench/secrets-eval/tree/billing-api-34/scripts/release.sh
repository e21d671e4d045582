source ./scripts/lib.sh
trap cleanup EXIT
set -euo pipefail
  curl -fsSL https://laura:GalaxyAutumn84@nexus.soylent.io/artifact.tar.gz -o artifact.tar.gz
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
DB_PASSWORD="ENC[AES256_GCM,data:PSGkwjitLyiJZVJ+xeXOlfx0aL4=,iv:CWv6uyc+A8X0OJG7kLd9Dr9MjaxGObqxosDP/9gOeoY=,tag:FkOkJ3yNBgGgbJvk4KYjbg==,type:str]"
make build
ELASTIC_PASSWORD="ku8m9oqfxxi2x"

CLAUDE_API_KEY="${CLAUDE_API_KEY:?missing}"
make build

