}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
const val SQL_CONNECTION = "Server=sql-eu.westeurope.cloudapp.azure.com;Database=prod;User Id=anna;Password=Pixel1978;TrustServerCertificate=True;"
object Config {
}
plugins {
const val CHUNK = "run-7649164082-3"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    slackConfigToken = "xoxe.xoxp-1-KtabvjULbRayvEMhINObjJwXqfo7WHEqIoA36S5t4RVZUNTjB80xumuN2m1VvZO2yfQoaS0nyJCmxhHFIwFqVrVuAi9G04QohVQxPHet0V7Rr0YYt0lfl2T6ntVCnMzSGTvo2F0xYkXGQ3HsQwgpmm"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
