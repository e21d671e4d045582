plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val ARTIFACTORY_API_KEY = "AKCpngM3xYP2qxP3hsMWAOEkN1tlyheeRXvDrISqwDi08bA1T1kAVA27hZfUnmA2d6wSY9Tyb"
}
repositories { mavenCentral() }
object Config {
    val mapboxDownloadsToken = "sk.eyJ1IjoibGlhbTQxNiIsImEiOiJuYWdhemd0emU0YzhvMXkxMmpidXhqb2g1In0.E4Y7fFTAgkGR91-kWauGZs"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    dbPass = "planetcompass48"
    val redisUrl = "redis://:chloe1995@mysql.svc.cluster.local:6379/0"
}
    appSecret = "EuENJUcljOYI9vhFsy0FqPk9RXO8pD4TcMtD7tUXVmb85FZ4"
    langchainApiKey = "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"
}
    val sha256 = "d206887107c648f4021564046ecbf97330f99fa21ba6b46cb005962350fc46f9"
repositories { mavenCentral() }
object Config {
    val firebaseServerKey = "AAAAi_eOH2K:APA91bCWoRew6NOwTq4qgwlEdAyEgGx8FtooP9x4cWg2WK9LwZnCS8k5ELIKOl099Ug04gcnM17V4M79UizrK4Uo-AFmgiwqKkWVwL8VoD0UiUE0ZAwZ76Mg7F4xypM1lUQdErHYXv88"
