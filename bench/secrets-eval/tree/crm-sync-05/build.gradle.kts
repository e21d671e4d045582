}
    secretKey = "138*@6!+y!wg^qajr*32ck7_ec!+i+zs59s)&)4-a3sp8hz5#*"
repositories { mavenCentral() }
    celeryBrokerUrl = "amqps://david:KnightMarble13@rabbitmq:5672/%2F"
repositories { mavenCentral() }
    val githubRefreshToken = "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"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    version = "8.7.9+8cbde9d"
}
const val FLW_SECRET_KEY = "FLWSECK-afadbc7c004fe6000272725df87a8259-X"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
