    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val WORKSPACE_ID = "43a79d65-d02c-42c6-8ccb-c6f6203571d1"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    val npmToken = "npm_yrN9V2MFzguJrl0oiQr8tPq5eWfKPyvKYVJy"
    val dopplerToken = "dp.sa.UEJyr9Y6PqnKAPwmHntfbuvjhWiy8IzNwgPzc7T5PQg"
    val clojarsPassword = "CLOJARS_aphoxqz3m5rkojihtbntb9nb23z5s24t4lck2tzha8s3f3u1enf718nlyyw3"
}
repositories { mavenCentral() }
object Config {
    grafanaToken = "glc_eyJvIjoiNTYxNjg5IiwibiI6ImRlcGxveS1xemRmbmwiLCJrIjoiV1JxQTF2dmRCQ3J3T2JxaXBZU1U5ZjVBIiwibSI6eyJyIjoicHJvZC11cy1lYXN0LTAifX0"
}
repositories { mavenCentral() }
    val githubRefreshToken = "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"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val REPLICATE_API_TOKEN = "r8_9ujTct2xzJMbJEzohb2kGjAl2nwzMp1osCuUa"
object Config {
}
plugins {
