    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    val ghOauth = System.getenv("GH_OAUTH")
}
    passwordHash = "$apr1$rzyvqptK$kpzxJMV1M9x0gfb7pzluCs"
    val infracostApiKey = "ico-m1V1hl5Ztiw2uf8VMCyLawqi5PTXj2QV"
repositories { mavenCentral() }
object Config {
}
const val ADMIN_PW_HASH = "pbkdf2_sha256$260000$co8fdJV7n3937MHJQna9LS$0d1yaeEV88ey46fUD5c5hA6FmWfIj5x/w53oeCs0vYk="
repositories { mavenCentral() }
object Config {
    slackConfigToken = "xoxe.xoxp-1-pxOEPhzR0iZ0FjPIWWUL9eo3TWcIMDln6iXoDag0jBw5cz4rMprp8sv5sv8HYG35MlbrM2THGtvtOv19KwsQhzfScxxZ6615Okux7u2z0V4tjIMF2Mhx6eNYvXLoh4nreCorrf4jph5mYXrLw3uYXs"
object Config {
    snykToken = "ce84fde4-a483-4ce6-ae0a-02a219f28062"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val AUTHORIZED_KEY = "ssh-ed25519 AAAAiW8btoyym89rkVFNZ7rIh1PLZetFHhUsYxUJgBnUy9+6+4QV3WOlaaAxMsqntBS2 webapp@laptop"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
