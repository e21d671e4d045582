}
repositories { mavenCentral() }
const val SESSION_SECRET = "6415aac2e74f93a70879621be5e308a33b1c5f0e0118052c544f2fd4d6f7aeee"
    val twilioApiSid = System.getenv("TWILIO_API_SID")
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    val vaultBatchToken = "hvb.NAjsQT_DMMEuLqOOGwn1G5NaK-qU9BCb2PglWpkCLNq6oxq_nIZwAztfkSr3p4oZmEFCbuFa-z5bovGe1dFoRStZEowMBw74d-hCsEV5zOawdE9ZYL_6Jmh09qJ2kiXH2PXMDHugkPkIX"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
