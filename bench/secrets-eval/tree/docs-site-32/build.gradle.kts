}
repositories { mavenCentral() }
object Config {
}
    val discordBotToken = "Mzc1NjY1MzA0NjUwMjk1NTc1NA.ME4vtS.kU7bbNwwiRhNT2fyt5xPzwz7CzHmHLNeUviuu6"
plugins {
    val cfApiToken = "PFY_8zee7r4nhcMBzYJiPfAnaOdFRRKIaVKA7vge"
}
repositories { mavenCentral() }
object Config {
const val AZURE_CLIENT_SECRET = "xsd9Q~UPK3bFrVfj0UOMr35G7YZ3zjCBTF1mQCyF"
}
    sshPublicKey = "ssh-rsa AAAAfanaoItf1OhRB4vPN7Q3Lv7lyLqNXybFdk085LLiHDGD3MLSy81T2MzpwjIDbkeR sofia@laptop"
}
repositories { mavenCentral() }
const val NEWRELIC_API_KEY = "NRAK-JQ8FGOZQ7X4OE84TWJTUWU3XRZD"
    digitaloceanToken = "dop_v1_d27446c95728defca6db57eead37c204920b09113ce883ae66a31ccc9437154c"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    rubygemsApiKey = "rubygems_a589d19729129cb32d807062c267c642418b7d70776ce4f6"
repositories { mavenCentral() }
object Config {
}
    planetscaleServiceToken = "pscale_tkn_YFyLXZBuCVI87Y-minMU5EDxfF8LTZ8nS5O4JNlpv8L"
}
