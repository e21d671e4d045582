kubectl rollout status deploy/api
if [ -z "${CI:-}" ]; then
fi
source ./scripts/lib.sh
export MYSQL_DSN="sa:AC8icvm8Pzu4HFAhrrXrjFf7pslzUrm@tcp(postgres:3306)/prod?parseTime=true"
BREVO_API_KEY='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' ./bin/worker
source ./scripts/lib.sh
readonly DD_APP_KEY='a2720243917a19c40b76a2f08ff0515f2daac1b5'
echo "deploying $VERSION"
make build
export AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=hoolibackuphmt;AccountKey=ibOhy/vFsv/Z7b0EPx0Kj7c5yz7bOfRohDKpNk16w9V5lnEXbkmLMcdWH5zWwGIwWKf/mScKbgTp+Cichqaj8w==;EndpointSuffix=core.windows.net"

readonly HONEYCOMB_API_KEY='6xggrmz5nieljfzt15crmjtp856lm0hm'
readonly GH_OAUTH='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'
make build

kubectl rollout status deploy/api
