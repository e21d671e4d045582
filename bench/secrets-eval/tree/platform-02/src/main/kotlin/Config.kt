plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
    badgeUrl = "https://codecov.io/gh/stark/sdk/branch/main/graph/badge.svg?token=LL8BWFO60G"
}
    val sessionSecret = "6415aac2e74f93a70879621be5e308a33b1c5f0e0118052c544f2fd4d6f7aeee"
repositories { mavenCentral() }
object Config {
}
    val twilioApiSid = System.getenv("TWILIO_API_SID")
}
plugins {
const val VAULT_BATCH_TOKEN = "hvb.NAjsQT_DMMEuLqOOGwn1G5NaK-qU9BCb2PglWpkCLNq6oxq_nIZwAztfkSr3p4oZmEFCbuFa-z5bovGe1dFoRStZEowMBw74d-hCsEV5zOawdE9ZYL_6Jmh09qJ2kiXH2PXMDHugkPkIX"
plugins {
    revision = "dd9169a118ca3542220f019da2c6dc741b2be946"
}
    twilioAuthToken = "0cf58b93f4a904447b6fd55283946e6f"
}
