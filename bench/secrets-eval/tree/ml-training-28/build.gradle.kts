}
const val ANTHROPIC_API_KEY = "sk-ant-api03-zgpzTU5dWDPxf3WouYJN5Tlelu5_lmtyvcwXu9MHILEAnlm8LGaNpEobZMn_pLXASZsykDiyQScFwSSH8E7kdsH9SlyU0AA"
repositories { mavenCentral() }
object Config {
const val OPENAI_SERVICE_KEY = "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"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val BUILDKITE_API_TOKEN = "bkua_e9132963656258f499f69cd473cf5aa9bc6f1840"
}
repositories { mavenCentral() }
object Config {
