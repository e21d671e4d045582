    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    val zendeskApiToken = "y4Fa9RRQUGPn28Tdn8rlgMQ9tzfe9I1it2EJRAiN"
}
repositories { mavenCentral() }
    val sentryAuthToken = "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"
}
repositories { mavenCentral() }
const val SQUARE_ACCESS_TOKEN = "EAAAr9PHgXvzNGN7TITfkKa654wgPmIp1YbFRWXsaT0PZjirTlrVwQ_4AnTInYcN"
repositories { mavenCentral() }
object Config {
    val blobConnection = "DefaultEndpointsProtocol=https;AccountName=umbrellalogsm3j;AccountKey=sr6ZBmC99uPT3Oh5biPwXCmEnuSSUI3jMHhwmgLg/MPtYY/WAGe2kUUzZQtXgggj516F7XkWxtxgWMiEuCLKMQ==;EndpointSuffix=core.windows.net"
    atlasToken = "kcNbuvBRT1dR1r.atlasv1.tz-bU5M2_AMUeAZHl4Spv5HOIiNm8XenuXrTf1iWn_i_b-9q6A_D28VFgamc_Tsrhfw"
const val JDBC_URL = "jdbc:mysql://admin:36127b2ca39113d1b1662686810f9721711b3197@db01.corp.lan:3306/orders?useSSL=true"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
const val SLACK_CONFIG_TOKEN = "xoxe.xoxp-1-npWvOjkYazPSIp6CqB7OtRpUIw3WorS0BFy9mZPgmCaitpgkQ5sB18slVVycYuIEEiAw7v1kZcSYKlHE7MWoJ2Yp3kRBMEXNvGy1ky8VpcKxoFfkWw4TCMtUJcjrBIKEPI7aziAsdgRJYyGdnanHb8"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
const val PAYPAL_ACCESS_TOKEN = "access_token$production$dhbmeb6zxqrch5b6$1cc7fd0b005d9ae10ef0ac4efba12d9f"
object Config {
const val TWILIO_AUTH_TOKEN = "c55795c3c08ab9971922696295d95c94"
repositories { mavenCentral() }
object Config {
}
