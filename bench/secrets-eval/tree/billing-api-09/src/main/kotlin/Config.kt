plugins {
const val AI_KEY = "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"
    cacheKey = "main.cf0fca36.js"
    clojarsPassword = "CLOJARS_tap4cm8tbkq6g1mayqmsyd9pivncvgujmatrt3hvmu4ufm6i7v8efkgo2246"
}
plugins {
const val SENTRY_AUTH_TOKEN = "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"
    clojarsPassword = "CLOJARS_svzju0qodn4a2ugj7myoqh0zskeim1l8b989ka98hm4j4nsdgh09u3m9qjuj"
    val pypiToken = "pypi-AgEIcHlwaS5vcmcCJQgBEiAsYlAouIp929c3faDUHlLXLBsUjBhFG9OTq3UWjmLpRK7aXFVmoRIsR5ofedRmMl3X4l4bnzGd94kkaDjWKgHi_AZmdg1fZvn78HiJZAbWD_iMH0t7-KO7Z1CUr6eLodrocuiQog1z5mLMmiofD44Bf1l9K-dEMkMA"
}
repositories { mavenCentral() }
object Config {
const val TENCENTCLOUD_SECRET_ID = "AKID5LHX359vN3rokFgMjcKpeG1AktEZwUua"
}
repositories { mavenCentral() }
object Config {
    azureRedis = "hoolibackupmsu.redis.cache.windows.net:6380,password=armYB0dnLoqHKZ3Us7DqE9+NtqzdRihGFgtRflIiPVE=,ssl=True,abortConnect=False"
repositories { mavenCentral() }
object Config {
}
