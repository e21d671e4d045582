repositories { mavenCentral() }
object Config {
}
    val dynatraceApiToken = "your_password"
    youtubeKey = "AIzaQDH8laeLOmrbs_AjfyAaQ3onOeXrj7Wlarj"
    val xApiKey = "<redacted>"
object Config {
}
plugins {
    val apikey = "XCxh1Ztwzqrf0GOgh229NyOug2OPJmrd"
repositories { mavenCentral() }
object Config {
