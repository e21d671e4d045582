repositories { mavenCentral() }
object Config {
}
    webhookSigningSecret = "whsec_FAiwM6CSRvORjnwT2FvmfX7oByx6HZSw"
repositories { mavenCentral() }
object Config {
}
    accessToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5OTAwMiIsIm5hbWUiOiJMYXVyYSIsImlhdCI6MTczNDA0OTI0MiwiZXhwIjoxNzM2NzQ0ODI0LCJzY29wZSI6ImFkbWluIn0.D6MtLgtuPBnFqnP2PWty4O2tjLj9KU70s-u-mUMn7_0"
    tencentcloudSecretId = "AKIDghNiSSRTxQtmCreuSIA799HVr7SNKY1g"
plugins {
