plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
const val MYSQL_URL = "mysql://liam:Coffee2009@db.internal:3306/billing"
}
repositories { mavenCentral() }
object Config {
    val secretKeyBase = "3507e72ab40745186b76c11d5300cc66"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    val stripeApiKey = System.getenv("STRIPE_API_KEY")
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    traceparent = "2887cbf9af986e2c"
}
    azureStorageSasToken = "?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-04-15T03:00:00Z&st=2025-07-05T12:00:00Z&spr=https&sig=6f9hR8WMmdx%2FhLEuVmoDeghtwYmGADpFjPPvy4tQr84%3D"
    vaultToken = "hvs.Fl8StudXnsyhM6AcFTVr8iExeN1P9vURYUN5o1naYsYoGaam0qvDRDwdhP0OFQxF6TYNis-s_aW-fNImhQhhiE6bYqX"
}
    val discordWebhookUrl = "https://discord.com/api/webhooks/8357500414548320714/IsmrxuarfxYxbtTXLWdf4V9pdr2BNjDopL07CxEWETvz_PEotMA-fVt7rOpzNbkLmK4Y"
repositories { mavenCentral() }
object Config {
    val digitaloceanAccessToken = "doo_v1_db371e7bf63473b4ffa977990c9ccbd4a1760a744b3edaa662d8421623842a24"
