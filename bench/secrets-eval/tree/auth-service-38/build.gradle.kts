plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    val discordToken = System.getenv("DISCORD_TOKEN")
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
const val PASSWORD_HASH = "$5$kM9a70UFZqRLbgll$S83cOcsq5x1gKLdcSC17Wii6cWhWSWGU2b8fmhAJgoL"
}
repositories { mavenCentral() }
    val supabaseAccessToken = "sbp_13b57ddff7ffc9658287bda03d96d3a8e601fa6e"
plugins {
    infracostApiKey = "ico-L8Yscy0P4V23wPvKrNO6MJCy5kedQpcS"
repositories { mavenCentral() }
object Config {
}
const val README_API_KEY = "rdme_59iiiwnkrl92s5xtlvg283xo8vs0fhbq3q56tyrcgwylzvxhxvs6al7b3bnk00237eafze"
const val SERVICE_PASSWORD = "Ctjhc0zt6*Wm_+LqiorOP"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val DATABRICKS_TOKEN = "dapi81945a8e7ced38e0659ac77a61be5ba0"
repositories { mavenCentral() }
    val jenkinsApiToken = "11bf085662fcc568beeb7c15b7232dc6f0"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
const val PWD_ADMIN = "Wonka@Fall24"
}
repositories { mavenCentral() }
object Config {
