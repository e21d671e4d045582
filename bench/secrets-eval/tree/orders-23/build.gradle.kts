}
plugins {
const val STRIPE_PUBLISHABLE_KEY = "pk_live_ONqNtwZUo3uWXSGchvxxWcjY"
const val BUILDKITE_API_TOKEN = "bkua_6cd18c0c080c4755a83dfd7cf01021a34e55fa3e"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val FAVICON_DATA = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA62JE8r01BRqJnLLA7GTU8LQ6wLvihhw0n7l/u1UNtRY6jcsj/9bLQzF8xFYoyHnI74O50VgSn7oyccq1VarIcMqO98bCM692ZA=="
object Config {
    val awsAccessKeyId = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    val prefectApiKey = System.getenv("PREFECT_API_KEY")
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
