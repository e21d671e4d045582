}
repositories { mavenCentral() }
object Config {
    cosmosConnectionString = "AccountEndpoint=https://vandelaybackup6t6.documents.azure.com:443/;AccountKey=e5w2u4q5NtKO/vv6nz6xB8FpQxho1pptbdmK/8KsobyA9nalyt0ID8JSzFtsR2WwZnTkrQxSf0AneuCmrftM5Q==;"
repositories { mavenCentral() }
object Config {
}
    authKey = "fW_6syhAv9d5dSfnM7-UqogI8bozSsKHB_XET65c"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    traceId = "00-507ce46ea141cf071c33cf718f3b6006-7c888166deda04bd-01"
const val TRACE_ID = "c0559d12d86867fca11e2355278e68b2"
repositories { mavenCentral() }
object Config {
const val ROOT_HASH = "$y$j9T$iJiHUmGnPmn7yTFgxo3mAJ$ldzPqcE1.3538yI7xFaQIR0wR5nYyhqEL//8ZIsrsDI"
    dbUri = "mariadb://postgres:Alexmango69@pg-prod.cluster-c9x2.eu-west-1.rds.amazonaws.com:3306/inventory"
    val travisApiToken = "AJtDZYq1x-005fCwbu0xo_"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
