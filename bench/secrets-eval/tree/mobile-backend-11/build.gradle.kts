    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    val grafanaAdminPassword = "0ivcgbpRiuJGyY4rfCn5JDF"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    val deployPubkey = "ssh-ed25519 AAAAbAOGb0aCP3Ixc/Rb0Ci/4SBhBaC+NmTeB9328tKjz7P9iwH3OeJP6OjRzltWFqG0 analytics@laptop"
object Config {
}
const val HEROKU_API_KEY = "9d032eac-d579-4cb8-a7b2-82813fb00ddf"
    val logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAptaAveovFkp7ASip3k4YML/cXS8Jguq0C/G235BVZVf4LOnSrS+ypTeR78NMofEWgqdAFVVVjz3dGNjDQUDM84arICyzTsMPyWo="
    val databricksToken = System.getenv("DATABRICKS_TOKEN")
plugins {
    token = "AgB3QpPagDw5oMbNcEs+6f+/9YQU1UAb+vwvrAuW5KTaF1tqXc2vMKgBOIK5MGa5//TCCCQE5J2clPB7b6hEEl0ZOwgyAaMdiPlfH0rfbBRVeGvsYUpt54Ex+gNh07HPiFJ3krgWq9pdFRWhaFgzHeoacnM9PC0vEXc6DZfhKjdrgKlxVFfUxk+hcizsyVcjiQarUpH6kFQOqWJOIU0CnlEycX8n7Rj7++2MX+EqGxmhGRxm/8bQ2bD5VjRk7E2OzV7498ZXxWQjZmrRAx8D1fTlRN1jo7akoUfWURBpBlmrkHs/AsNIPBj7RXFfYXJczex0TvjjxWKXSaDmjL0J5UxDixCsbxuSOOjHiLl5ZtHt0L4p5Lcnexj3b6KSM0ftclfem7G1xiG+Dt5T13fHUJkbxTp2HWEDJHl9EPww8IIWaJ92tkpxTSGGxI+JZ3m7F8N2cWWGNtv+1utWG42LRUie/Y3f8XnCyLgCbX1yMW5cxB7t+Ppl2RJTlXK8Xjv+VvK4KTEi/l234/tjcgTGnnNwch+5gOdW8k5rUzDdUQ/51TvvnvAdVbs4jwQ5AI4UZwQNjWmsE6dyvJ2dSZKZvha/dar2Dlx6bfCp4eQGwr2eVP7"
repositories { mavenCentral() }
object Config {
}
    spanId = "00-1891b39191ccf61194ee80df1cb598f1-7cf9fb9eeb3faca7-01"
repositories { mavenCentral() }
object Config {
}
