plugins {
    val twinePassword = "pypi-AgEIcHlwaS5vcmcCJQgBEiCRR8W967gghSr-OOTq2_ujoNY-dv-jfhGV0Ww5CN8NQGTd4_Frua8jwk1Q2MxXFgbjJVWtmz_Bnub7llN1P1qnfgY5cDOEAnCCQLoHbL4bVg6ocr3CJWsXSuf8RC_VEh6-8Yt8zDqW3BblrsifAIzzm0NJj3D-J5UQ7Fy3-yIECdZ7U3A6YYo"
}
repositories { mavenCentral() }
object Config {
const val HONEYCOMB_API_KEY = "2xyzx6qadovhtfkrp7r1d8kpfw5hubnp"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    botToken = "247353406:AAhla5gFwl6SjUuVtwLQWmckLuQVYIweWTW"
    val gdriveRefreshToken = "1//0NycEb6NX3CVNBhEcB19P3QkRYfChrIWdcINXIw4RtmDga6uz96QRyOpTm2_ofhYmLkn9umpXVz3K58_XtXFpwOpBz3N0nDRZ-IDGo"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
    val databricksToken = "your-secret-here"
repositories { mavenCentral() }
object Config {
    passwd = "Cobalt2005!"
object Config {
    gitlabAppSecret = "gloas-de6e7d695a67f1f35cddfdfe87300dd30f916a2bdba4952881d4e86883cf9f81"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    val keystorePassword = "Wonka@Winter23"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
