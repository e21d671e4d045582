object Config {
}
    githubAppToken = "ghs_H7802IXXYRghUOJs8iL8BqZj2xBqR21Z8M2k"
plugins {
    val flyApiToken = "FlyV1 fm2_u9jyWwpwOPpgKQEj0FyuM9RWhwl0p1teFD9RquwI//VzxkeOLSXPNJjHYGNZ4HdAM291Kcf5hiV7uz0s97JKXLyLdWC3t9nQFeJCurbXI9ZyWDHdA0gbQqNPUqmi81pc8OYN7JyxaJsM6SXZGr6okSG1E7dLWJ0Mc3P1Sl9bHjG3o624HB84FcCuiO5MpLzsFxg4+hrCvHoYwTA78EbFWhbf3RcpOQCDtsx+WPI71vZxwdw5C0Eb5JBySHCo8lsEeWyMonACwMEajTHVkkrAeJSyUsUgBhOLQCxqRbvz7y3qW0b7jj5g7FBL/W1OzuKbFcE4J3BdEeL0tJ4cJ33fJjgH0nm/RZaxtwIoTJQe/5ltjGMxyEVHzsxc6+9t70ZUUI3Uh+KLYsE1+zQ3L/CKYsBYs88yQnH8YStoCNlW0cp+Qg=="
repositories { mavenCentral() }
object Config {
    sonarLogin = "sqp_feb88f2954b38a10765bd56461deb10b0cf9d85c"
    val squareAppSecret = "sq0csp-QJcOkVVmyoIeZ6rREa4Jd0HXGPZh8JNU1auKAROMmAp"
const val NETLIFY_AUTH_TOKEN = "nfp_zrRyNaych6OXxICdvAAl5umot0fXRrl3fptz"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    shopifyApiSecret = "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"
    val apiJwt = System.getenv("API_JWT")
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
