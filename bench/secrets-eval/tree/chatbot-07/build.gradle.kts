object Config {
const val PLACEHOLDER_IMAGE = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAlgviEa+he6oxN12PNXTcMjNTYNcRmrxTpHiffoDR4LYXmwVtr2gJ8/ic8Ab8lEdDs/0o/kSpiEXqVjEKQrIkCNi52y5FLg=="
object Config {
}
    mailgunKey = "67db2d49330d98baa0e1959ef34661e0-29eb6424-8e769dd2"
    typeformToken = "tfp_bRqWOIoWLV3nORrff9DXKcFGTYeMGRsmYUT5dgqpYRd3_ad94ZqPYGFSXLb"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val REGISTRY_PASSWORD = "dckr_pat_y9mLXb9RbIngHWiorSsEUJKkaIT"
repositories { mavenCentral() }
object Config {
}
    s3Secret = "adX2hEDc/yux5qlvCwiwmwVuKG2HSDULkkKBdiEG"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
const val SENDGRID_API_KEY = "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"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    cfApiKey = "ea5f0a58e64c2e8d06617fe279467279bf979"
object Config {
}
plugins {
