make build

GOOGLE_CLIENT_SECRET='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' ./bin/worker
export FLW_SECRET_KEY="FLWSECK-98b13c5964e0cd984f78df6dafaffe63-X"
kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
fi
readonly SERVICEBUS_CONNECTION_STRING='Endpoint=sb://umbrellaassetserm.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=OK7aCm0+LfnIDE2jsnZWBzYDvbHa38bCih1cwhuhaSw='
if [ -z "${CI:-}" ]; then
fi
source ./scripts/lib.sh
