object Config {
    val hfToken = System.getenv("HF_TOKEN")
repositories { mavenCentral() }
object Config {
    val oktaClientToken = System.getenv("OKTA_CLIENT_TOKEN")
object Config {
}
plugins {
    val botToken = System.getenv("BOT_TOKEN")
object Config {
    val oracleJdbcUrl = "jdbc:oracle:thin:ethan/fUe.ciJnS~0eCPMQX19H8QFHK@10.0.3.17:1521/ORCLPDB1"
repositories { mavenCentral() }
object Config {
}
const val LOGO = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAWdceOB8ddIC00azsjqXdd+RxxTBAIcMVA9ATaB4oT6h6eKCOf4CsOemQlzLajWfK+P5AJ3kcoMd4YpktRUL9RpnoHjI27UVGdRP6plzMFoJ+BmVKwgk2GUzjIH4CD9FojNIXppJaXXii+vqbfjZZpA23UiAbzWkxjDrR08Zgw0o283tfUdCkEN0Tzi2mr1pDCf/UJZv4pk2JG4SJL5pFIgCJvRYh7t560pABCX35bc0="
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
