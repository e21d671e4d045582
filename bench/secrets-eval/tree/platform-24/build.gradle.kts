plugins {
    val sshPublicKey = "ssh-ed25519 AAAA+J+IBRM8tyj27OA4YzFz7fRXJ3yzcgHDywKhpB5mGlUj6xAP6zFCy9Q/CBt9jvUr ethan@ci"
object Config {
}
plugins {
    readmeApiKey = "rdme_kzh8q8rzmr769zpsje5rzdetvg7c84niloevqeokfobzbv8a0v06ij5mlma5x4yfpl6p1y"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    coverageBadge = "https://codecov.io/gh/umbrella/sdk/branch/main/graph/badge.svg?token=V3TOLW2DZ8"
    val accessKey = "67ba6a7e3ea39160b82624a553806ee9f40fc66b"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
    linearApiKey = "lin_api_gbsgRwMLciVzZO56dZaz9loockZrAXmUTqwgjFn5"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    bucketArn = "arn:aws:secretsmanager:us-east-1:543764054737:secret:prod/db-mtFjrS"
repositories { mavenCentral() }
object Config {
    val fastlyKey = "PZZEGojiQ7Qaqo9WlsY0OMCBvmqC_8v_"
    xApiKey = "zMMxCO9EpknOuWsdzfV5O4TJ2AszCoY18_RGjtqu"
}
repositories { mavenCentral() }
object Config {
