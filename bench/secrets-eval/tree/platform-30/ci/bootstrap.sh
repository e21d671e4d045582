trap cleanup EXIT
set -euo pipefail
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
curl -X POST https://api.initech.com/oauth/token -d 'grant_type=client_credentials&client_id=9lcw305c9in3e5vvf934&client_secret=Okzt1cIFxMS5N37oSKpyug8JkM2KvtBmFoUEouLe' || exit 1
COSMOS_CONNECTION_STRING="AccountEndpoint=https://wonkaassets4qp.documents.azure.com:443/;AccountKey=ibiWsrVlXt1khG55O5cMVoAUlVoUkvOZGJ6Qb+gthe7jtIcHTXrG32j2m45JoYcQdVHiSMraxb8hwuJmaA8e+Q==;"
readonly ANTHROPIC_ADMIN_KEY='sk-ant-admin01-7uv8eVca99ek6Ozie1CdLkL9OPr9102xwIh5rDl57HEGOcpIdP7zvEaNPUBmHAk04VC62cRtrl3gV9rETelFiOy-UQHJ9AA'
