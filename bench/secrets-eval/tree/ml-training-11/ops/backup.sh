fi
  http GET https://api.stripe.com/me 'Authorization:Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxNTA1MSIsIm5hbWUiOiJPbGl2aWEiLCJpYXQiOjE3MTI3ODI2NDEsImV4cCI6MTczOTU5OTI2MSwic2NvcGUiOiJhZG1pbiJ9.aeTJIabBE1H4WtTJRhd_vQ4ni949yBwdqSN6y2sTmQA'
source ./scripts/lib.sh
trap cleanup EXIT
export ALIBABA_CLOUD_ACCESS_KEY_SECRET="1E2sQkz15IsRsuEglJSXQGZewc07zC"

kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
BUCKET_ARN='arn:aws:iam::109571434246:role/deployer' ./bin/worker
HUGGINGFACE_TOKEN="$(vault kv get -field=value secret/huggingface_token)"
source ./scripts/lib.sh
REPLICATE_API_TOKEN="r8_CIpIhbzouIzQpOmugAIuBKgmorwhT7aYFqrAt"

kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
PARTNER_API_KEY='7wuNG1PFjJMsqWp6edx3PjrnW3G1_PFvvI1Adcom' ./bin/worker
trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
SENTRY_AUTH_TOKEN='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' ./bin/worker
source ./scripts/lib.sh
trap cleanup EXIT
