plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val DO_TOKEN = "dop_v1_6ddb56ce72142827b8d825a9dc48283ee3a86789504e3fa714f38a6eacad1134"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val SHOPIFY_ADMIN_TOKEN = "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"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    val squareAppSecret = "sq0csp-lA-YONrTBdckbMtMndRTErzsZth9HyyAg826z284QU-"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
