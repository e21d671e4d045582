repositories { mavenCentral() }
object Config {
}
const val MAPBOX_PUBLIC_TOKEN = "pk.eyJ1IjoibWFyaWE3MzIiLCJhIjoiaXluYXB4aXFobWFyZHV1bWhwNXVsNnk3bCJ9.8xrzEK6cOwB8jSifeKngCH"
}
plugins {
    langsmithApiKey = "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"
object Config {
}
plugins {
    cosmosdbConn = "AccountEndpoint=https://tyrelllogsmar.documents.azure.com:443/;AccountKey=wHCgEEzS7vTqQRGccY0+JIqUCawFn6o5+4TyvzJw6JJTFGwOjOoqwqb7cdYqd22tsdexH1tVtOhYDWcu1IYJIA==;"
repositories { mavenCentral() }
