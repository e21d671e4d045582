object Config {
const val FTP_URL = "sftp://kevin:pepper-pixel-muffin-hockey@ftp.soylent.com/incoming"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val FIREBASE_SERVER_KEY = "AAAAhU9nk6q:APA91bgKABOa-AiGzqm2_Jh7nA2GcgwFiMxzK9PxTVXqoqywUV5sb92EJ7uxMYWmHQoUcdqFjvG2opabfqtzkWSkSSDlgHy7Bi57GGfmrvjpoxgxLyw4D2dVFQGZFNTo6IlGoWPHQ3_A"
}
plugins {
const val AWS_ACCESS_KEY_ID = "AKIAI44QH8DHBEXAMPLE"
const val CODECOV_TOKEN = "a3fe3528-c260-4022-8a55-977488e76889"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
const val MYSQL_ROOT_PASSWORD = "Canyon1981$"
