repositories { mavenCentral() }
object Config {
}
    mailgunApiKey = "key-205847b9bad21240d0e028902b930e2a"
}
    val awsSessionToken = "IQoJb3JpZ2luX2VjNiU7xkQmWxSoQHVwrLJf2EmterB01TyTSCwpPB/WFpnzg27zLfrEe4HszlRm3UhmjzXkW4wzUnBh88GBBE1ENr7kk5QGSlAJkbHBWi+9MdzhbXqruW1GwOGTsP4nfvxghZMiXTg+exqaBs+9dXiP/9wNRCYU3W5JRkjnnLFvfBoeLVR4YzepLo8NhVCXv/TRLHOmGdy9pj3yejla627F7G++m5KX2KQn5BzjkF7qZ7CouwpEb7xtM//lP8Pmon2VumOWZNdEvbh0e5RL2RoKW4uBPNa8zb7yHn7U6VBtlAlxdZzw86N354XG1Fw13XLJf4nXuZn5jlGRZ1FvbqNJrI3XcjqFIuirp2qYuVuf0m2ujiEOJnZMEJp6a0zUXRHgJhTuVCdomPuSyESWcs6GHP6Unqf9qJ7WVlRaKyYm/MLLVnTOBn4Azw0Io+7UfEPIzfxgZSBqmddwpdAxEmbWI24="
}
    val gitlabOauthSecret = "gloas-261861975c25768503119cb270d263a78450b75e731d064485606544812c8185"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    ldApiKey = "api-aaadb2be-59b8-45e5-a1f3-b97feae92eef"
}
repositories { mavenCentral() }
object Config {
    val langsmithApiKey = System.getenv("LANGSMITH_API_KEY")
    discordBotToken = "MTQzODg0OTY5MjYyNDI1OTkwOQ.jmGUWa.5rkn8iw8Bsbl3V9IrBFyvMvr2sYwI0Crmm_qZP"
}
repositories { mavenCentral() }
object Config {
const val ACCESS_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1MTg3MyIsIm5hbWUiOiJFbW1hIiwiaWF0IjoxNzIwOTIzMzkyLCJleHAiOjE3MzcxMDU2MDIsInNjb3BlIjoiYWRtaW4ifQ.TU9UBb0lveeV619lu6HX4IHhuq45v3Y5uDWrE3oexTw"
repositories { mavenCentral() }
object Config {
}
