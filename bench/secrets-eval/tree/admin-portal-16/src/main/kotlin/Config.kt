object Config {
const val ARTIFACTORY_API_KEY = "AKCpSZ3Cpo4YxvfCf53kUJ8gU2Ax2slJV8fEYIov7kmzR0Ra2Ss34fN3fSPEwSlNLWB2NRvmt"
repositories { mavenCentral() }
object Config {
    val databricksToken = "dapi9bc8033b54e0cacd5060119ef165cdd1"
}
const val GROK_API_KEY = "xai-mAZxQPJzmNDpgG1SFSXPTIyzL7AbSzKRRYhOlM6AL5NPqXHVdoqic94v0LXP96lu3VOGCUgmdm2sfwOf"
}
    checksum = "h1:aghpMnLXZi9CwZTUdyobHRE4L3YoGxlkvKo6TYPBK4M="
}
