plugins {
    val azureStorageKey = "kASS4isYFqN2BPv7t1bRkX1fXpZOq2vvzkLgPDmB8QT5y7f+JdoV70Iu0HaAtgVBzWkL3f61zM3QBzytsP2AiA=="
    chunk = "v5-c26443371e"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    shopifyApiSecret = "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"
object Config {
}
const val VAULT_TOKEN = "hvs.v0uw3KZQsFKNPHAgLOZvRgYqFFMPfPg_iPSXLgdHHlWjs4B0hlnGwNBIq93etOA9ZBiHcNr6NorRRguVeOJ1rx-w4VTou0"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    stripeSecretKey = "sk_live_jE2uzF1cWQjAXV5PYrzzd9zC"
const val DB_PASSWORD = "AgBd4XzH6SBFmhbWyDNoNx4mNT9bTVVJfpxNTKLfiWOy8HtMYGZNzrAXwHYmPx7zs0jwMkQ7HQsTxUAOWpI+POPg1WndXmk9EmXkISKkBx3C9UdhsLfPEGpzgmQoOpM+JPtXpcV01nuVYYlBM0kmZ+oH7zUnp52rxq5I/k/JApTnV9YHWCHOccQkeImhjX04Rjzpl4a5wXRk59qK3mV5pNICxjOgm5n905v3qUWbi+ZbWywR1S9yXMjA77NzXdl3V/LH3zKAx4d/3jujrgOh7DZXvLPBr7XHqjkSquB6KoxkM4DjyjwpvvWoHZi+uzLFUuznBRKsDjDWtpgle2DakiJ6bdD1HZeRuAmmH8XiJpgrtwhD+dKTny9P5rzDc8hDU/dk1gbCXDJIAI49B9VMJUQrM4EnBwTtvq5cMyh47UK7HLGh6g/KXVD5ZliiceDmozw7EIVrogvD9OKiJCLjw9DK/FUC6Zdp0ojK5QiZkS+cXgmFbAP2W/l70UpaBVY2/dStkPALNhiB1KlIIXAM5ZMTZkkrfseZfSVJy572r/ZcEvmk5/wMnp6JT5fHa+0tfekBIbvL5HEdoM4bL+vihQfzxeLAEbpORW4d7jMqJmGOAuvcZurq7R1m0ulHxhE8grEgEmAXYg="
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
const val AWS_SECRET_ACCESS_KEY = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
repositories { mavenCentral() }
object Config {
}
const val MAILGUN_API_KEY = "8f22abddf089fb3b298374c3e566156b-223a7891-ca2eafe1"
}
plugins {
    val newRelicInsertKey = "NRII-b1cwEZMcqkHJ6WLFvt1QZp_BcjS4B1jF"
}
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
