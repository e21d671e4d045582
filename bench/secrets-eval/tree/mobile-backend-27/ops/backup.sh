fi
export REDIS_URL="redis://:n0bghSvOb049G81FGox@sql-eu.westeurope.cloudapp.azure.com:6379/0"
readonly BUNDLE_GEMS__GRAPHQL__PRO='laura:d6nHS9-jGkYDG-S80WAz'
SUPABASE_ACCESS_TOKEN='sbp_89a069860ae29fee2a2633f2af93331cd14bd781' ./bin/worker
