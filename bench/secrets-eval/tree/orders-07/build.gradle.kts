    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
    ddApiKey = "63546668db6c7e618baa3e909d32365d"
plugins {
const val STRIPE_RESTRICTED_KEY = "rk_live_OClZp3g6pTaz0P7LNRyaPOfo"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
    fcmServerKey = "AAAAs4R9LaS:APA91bw3afnATR9_Hg4HIoTkcNBN4qLV_HrUhj_9tZ0tum2Tv6Kp7dJuVxCO6roT8cWbu2mavLHWXubESRyXoe4OKKB33faReW_B5mbbQ1UMba4Jr1uWzUl3MIeMuPZgcqC_TSY6IaD-"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    s3AccessKey = "AKIAEZZB4EDAVJJLG6TF"
repositories { mavenCentral() }
object Config {
const val CLICKUP_API_TOKEN = "pk_70688216_JGG0Z0QDMY9FM28J73WXDVH53XTLNOH6"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
const val ZENDESK_API_TOKEN = "mPH5s3T1A9E7Rcsm27s5htmUFQUhaRO3LK5xGxXp"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
