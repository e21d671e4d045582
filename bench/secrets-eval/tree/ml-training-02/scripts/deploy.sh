
kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
GIT_SHA='d45a9d8040656127f6cbb961a24e616ccdb8acac' ./bin/worker
source ./scripts/lib.sh
trap cleanup EXIT
set -euo pipefail
export AWS_SECRET_KEY="1i6fZqc8owU7sOJbvZ1GS54nhksiu/Zoc4lv18xh"
cd "$(dirname "$0")/.."
export MYSQL_ROOT_PASSWORD="Hooli@Spring19"
if [ -z "${CI:-}" ]; then
DROPBOX_ACCESS_TOKEN='sl.aywJjFk7wgIz-b7Jn1AwsLsvyH0ctSgFkdV9wqJFXfxH94ikXmagPDF7bGEUkjwxdSbjE_Af-QwQiJ1bWhqkU8j6krcFnK68BmDsp6m5L1E0WOS94EObfSZktzs6NAc0mByZzjJdns' ./bin/worker
kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
