if [ -z "${CI:-}" ]; then
fi
source ./scripts/lib.sh
trap cleanup EXIT
readonly OCTOPUS_API_KEY='API-0NO5J5KQNAFWYZ7IXSO6HYE9WX'
cd "$(dirname "$0")/.."
echo "deploying $VERSION"
ConnectionStrings__Default='Server=pg-prod.cluster-c9x2.eu-west-1.rds.amazonaws.com;Database=analytics;User Id=kevin;Password=RocketLemon85;TrustServerCertificate=True;' ./bin/worker
trap cleanup EXIT
readonly ROOT_PASS='+0-O&WPg:M_7G2qOILNc_CoNIz2wQ'
echo "deploying $VERSION"
make build
./bin/cli login mongodb://david:89eY.VCGv4PDiiLTK._sr0hF6x@mongo-0.mongo:27017,mongo-1.mongo:27017/billing?replicaSet=rs0&authSource=admin
