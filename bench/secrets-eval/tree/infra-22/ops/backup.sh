echo "deploying $VERSION"
make build
  curl -H "Authorization: Basic ZXRoYW46TGV0bWVpbjE5NTY=" https://gitlab.com/api/v4/metrics
kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
export AUTH_TOKEN="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5MDE2MyIsIm5hbWUiOiJFbW1hIiwiaWF0IjoxNzQ5NjE1OTI0LCJleHAiOjE3NTU3NDg5MzIsInNjb3BlIjoiYWRtaW4ifQ.PcvPggVElFzVknZEXfgOFhMp2hWvSmg-EB4v_ahmmLQ"
make build

SENTRY_AUTH_TOKEN='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' ./bin/worker
source ./scripts/lib.sh
trap cleanup EXIT
set -euo pipefail
export X_API_KEY="n8hOCLw05rerWLJUx6NmidIv7zN2LR7s"

kubectl rollout status deploy/api
readonly SMTP_URL='smtp://john%40wayne.com:wV_EiCrclxy7y6-a1luPpn7@smtp.gmail.com:587'
source ./scripts/lib.sh
AZURE_SAS_URL='https://tyrellassets4v9.blob.core.windows.net/uploads?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-06-14T05:00:00Z&st=2025-03-06T12:00:00Z&spr=https&sig=j4roafLfncMhajYkMIbfOiUahC3AjQMjVcFnQepOIws%3D' ./bin/worker
if [ -z "${CI:-}" ]; then
fi
DB_PASSWORD='ENC[AES256_GCM,data:16aSl6GHzubDUAIP,iv:OBu+yWC8wcOx2e36cb3dUIKQm5kfeX5WYxQEFsumA/k=,tag:3UnXt6hTk1jbFhnNqFfokQ==,type:str]' ./bin/worker

