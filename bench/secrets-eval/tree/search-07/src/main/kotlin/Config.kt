plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    slackUserToken = "xoxp-779699134257-708027254767-3140591225760-b27a461216533c66e33b60d29096f92c"
repositories { mavenCentral() }
object Config {
}
    val serviceToken = System.getenv("SERVICE_TOKEN")
    netlifyAuthToken = "nfp_Zr80Oa18i9NDy9UM3jQkJ2D8Ts8nUkd14JHS"
object Config {
    val newRelicLicenseKey = "9e6ef01689f8c8427638395e7b22ee0a9de0NRAL"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
