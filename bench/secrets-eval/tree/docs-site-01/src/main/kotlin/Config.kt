object Config {
}
const val JFROG_API_KEY = "AKCpqUk6xgUnb4aMDHrXLq8P4BBELgxtWF9m7LKY3wxovH0BGz3dasGEa1fc1LSVv4N2zWMLL"
    oauthClientSecret = "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"
}
plugins {
    val password = "vdlKR//DZblc5rVeNsFSdIukGDtodt+a"
repositories { mavenCentral() }
object Config {
}
    val xApiKey = System.getenv("X_API_KEY")
}
repositories { mavenCentral() }
object Config {
