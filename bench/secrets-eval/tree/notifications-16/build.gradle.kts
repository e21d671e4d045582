plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
    githubRefreshToken = "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"
const val TOKEN = "AgBPq71fqVEWBDjyYxjW2X5Zpqe0poNdO55uYw8N9qI7Gezzbj2B3Biw9wrSJVhBGpdhOzgM3jPJfB08LpympJmwwzTGSAQ60QPzMH7aIA4VkZhk/GtnF6ZppvEgEdtWV5TTwv9GmfIj9XFP1YtfpekodPeLpzi4wX3sIHL/GiCwXtD/3N756dBKz5oB2b3+W6WxvImfMZRKtL09Nre1aUp+07i89zF2Zm485Qeopr6sdzvTPES2jefWi+w97uygwjoqqjKEaPoWWmpurmBpHWc7kcmPzKz+j5YOmygBe0e2CXpDWb9XG273R2jsT4e4xmWUVteJuT4/aBwBWKy2voOMWt4H2DoE8zhpMnUnxkFLvJ34w6JICVWJ4PP2HzuHqPIJvphHeCdhLns7QdUhd9hOlGgpcVUCQtQ3CMZVgq+3svB/q+IHeD4cC71PmSm+qhxJwR+DmpAx6+kWhOLT7CUnKeSeiMsOGMXZ3HIM08zGlE6EhxIQzHQnM3kT3sY0UkBhtqyTma8fHY+Aj+FmYiIsCrulK8egBM="
    grokApiKey = "xai-kLvI7QlvfbQDip0HDYEeNNtbpJ8lYhhpb9dCysLOn6Skn2tFvQgsf6NrqkVXTCPOiUtiiaWuJ0xHRRDo"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val POSTGRES_PASSWORD = "Bt8^T3qd4%apAp7i&oZ"
object Config {
    connectionstringsDefault = "Server=mysql.svc.cluster.local;Database=app;User Id=svc_orders;Password=nebulaviolet032;TrustServerCertificate=True;"
repositories { mavenCentral() }
object Config {
