object Config {
const val MYSQL_DSN = "david:e7NyMeI3m52U0EmenYMGvsW40@tcp(db01.corp.lan:3306)/app?parseTime=true"
object Config {
}
    sonarToken = "c94503615ec797a41d440b23d33edf145642745a"
    notionToken = "secret_oLT73R35jCCMXyJOzf0U8HwTaUuCQihPxM8CAX4dmx9"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val HONEYCOMB_API_KEY = "xceyu4bm4zn0t42u3qh3slhzkm25vdzd"
repositories { mavenCentral() }
object Config {
}
    googleClientSecret = "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"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
const val SQL_CONNECTION = "Server=db01.corp.lan;Database=inventory;User Id=api;Password=summerriver106;TrustServerCertificate=True;"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    hcloudToken = "AYFetIm8yEhnJqaGBhqF8xp7xDj0k1j2iRIfquzOfat0ZG8rnQI6fQuxj9Y5ZIBF"
object Config {
}
plugins {
