object Config {
const val WEBHOOK_SIGNING_SECRET = "whsec_aseIDcndpqwbWR5ifg3lYbecSNVM60Uo"
    val esHost = "https://elastic:david1989@fzkxsfeaxp.es.us-east-1.aws.cloud.es.io:9243"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val INTEGRITY = "sha512-GLkPPgtYHCZO76fvp8MTH5TtGhHp7/5wrhYpSGQUAL7uxlPs/2imBy2SsBAuFBh19h0TEdI6JrGiQL+aXDnc/w=="
const val GITHUB_TOKEN = "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"
}
    githubAppToken = "ghs_K29RBPNZQ9FTyO6M3AuIuB579opWfZ0dk9bM"
repositories { mavenCentral() }
