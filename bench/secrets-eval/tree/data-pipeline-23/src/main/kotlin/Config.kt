    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    val datadogApiKey = "<password>"
object Config {
const val NEW_RELIC_INSERT_KEY = "NRII-klcq2No5_yeib_Atz5dVsZYnLX4BEPWd"
    authorizedKey = "ssh-rsa AAAA6GvMBFKNWpiiWEzHv4rbLShNEvM9yexPPDz7+ZBuXkzXWgZUGgLDxWX/51JUCNLf analytics@laptop"
object Config {
}
plugins {
const val SSH_PUBLIC_KEY = "ssh-ed25519 AAAA+J+IBRM8tyj27OA4YzFz7fRXJ3yzcgHDywKhpB5mGlUj6xAP6zFCy9Q/CBt9jvUr ethan@ci"
}
repositories { mavenCentral() }
    val readmeApiKey = "rdme_kzh8q8rzmr769zpsje5rzdetvg7c84niloevqeokfobzbv8a0v06ij5mlma5x4yfpl6p1y"
    val coverageBadge = "https://codecov.io/gh/umbrella/sdk/branch/main/graph/badge.svg?token=V3TOLW2DZ8"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
const val ACCESS_KEY = "67ba6a7e3ea39160b82624a553806ee9f40fc66b"
plugins {
