}
repositories { mavenCentral() }
object Config {
}
const val MAILGUN_API_KEY = "key-17d3292facfbbab6b334b010c6b2ba4f"
    val mailgunKey = "bc7bb5be3f0a99c386cd568dc29bb3f2-ce1bb7f0-f18639c4"
const val GDRIVE_REFRESH_TOKEN = "1//0XbKtkSdrh8aNS6wylSLZgdRKCsAZbeHgySwA99lviEG2K65CAsE8RCCfCTNIaVPxKTsfDAIxJuKnKFGxG3e4LLpW7HE7_ybKiPPDmPt"
    val replicateApiToken = "r8_G9JMwuh9k2HGb6K13d0xZf74j1XM1KNQmqwmM"
object Config {
}
