}
plugins {
    webhookSigningSecret = "whsec_KQ6j2ilw0KfhZV7nfvkdWd4pXoATsHIe"
}
    integrity = "sha512-xvcVd4t8yFzvb3yLyQluGvifzk1iezOWCoEX1Jv0zu+JhYQC4dP//eWB/SyKDMNRA0t4JkP3dnRNLNTlPKoCxQ=="
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    authKey = "yRnD2e67kyR8W6MtMvHEXT7ObToj2Olp"
object Config {
}
    githubRefreshToken = "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"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val REPLICATE_API_TOKEN = "r8_C8QLXOeVGdhv6ncH0saNWkWRIKnZiuZhw5iXc"
object Config {
    val bundleRubygemsPkgGithubCom = "api:nebulafalcon31"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
