plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
    val dropboxAccessToken = "sl.9MAWZd9it4WRlxQTHdSlNpseJB0Vpk2IckyblUD4FGpPEPOAaJNFD6opM6PSqeOPqUWEu5LK8XlwBerBuaqJwsDJcuvt7uQKLg8jHNra-Qv1uJcZk1OhcUSJfwI7wBA82HfiY6efp7kp"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val AZURE_SQL_CONNECTIONSTRING = "Server=tcp:starkbackupm1w.database.windows.net,1433;Initial Catalog=inventory;Persist Security Info=False;User ID=sarah;Password=3vNXsoR5zSRPu6vc6PA1;MultipleActiveResultSets=False;Encrypt=True;"
}
repositories { mavenCentral() }
object Config {
    val tailscaleAuthkey = System.getenv("TAILSCALE_AUTHKEY")
    planetscaleServiceToken = "pscale_tkn_amVq7R0TN4_qcLaCMhWoS.rcPdouGLCggUYfbU1atei"
object Config {
const val DOCKER_PASSWORD = "dckr_pat__3HhggY0bZwvk1cO615ynPT566S"
