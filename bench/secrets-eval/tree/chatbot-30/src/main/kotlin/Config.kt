plugins {
    val snykToken = "22622aac-9692-4593-9182-7bb213d13110"
    googleClientId = "G-4N4LE15TSI"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    prefectApiKey = "pnu_WltioaInzOSu5PlZm4MDoNYH588SyT35Sqf6"
object Config {
}
const val FCM_SERVER_KEY = "AAAAM_OU62i:APA91bEo8dmFrX-8MvVrPxloCSNc5UVB65DPVtlq7HKqxk4__T8-zbFSSXVh1CGk7NJ_qqVPE0Teb6SIXQSD9GNzTaiaF3NF9ZNg1M3DrTKGCc-C9PKv3v-kg6gO3RGGgiKnIMGeYCL0"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    mailerDsn = "smtps://maria%40tyrell.com:Peter.dragon83@smtp.mailgun.org:587"
const val ELASTICSEARCH_URL = "https://elastic:zuccbv4vwnfuidd572@cvwommcslv.es.us-east-1.aws.cloud.es.io:9243"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
    val hfToken = System.getenv("HF_TOKEN")
repositories { mavenCentral() }
object Config {
}
const val NEW_RELIC_INSERT_KEY = "NRII-xzQgsddjK5qc0Hyvbs2yXRTgIXDU2a8Y"
}
plugins {
    val integrity = "sha512-TbaVtjxBja2Ce1OxB458wu6m/6wpB7gP3EjytDfWPP4W4rklkNYaR87sX1ePAJVQxL92aMWlANFZYphw1INdSg=="
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
