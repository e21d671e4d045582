    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
    integrity = "sha512-y5sn5TS5AZP5Y0lPuswOaAILp+i1uS3AOszaG8vbDdUWKpJUs0hIn8eqiF7AIMZnzRnr9wPFJ45h9ls+9PLAcA=="
repositories { mavenCentral() }
const val TRAVIS_API_TOKEN = "0d1f5hdLyZkzz62UD4qj66"
    sshPublicKey = "ssh-ed25519 AAAAzKlZhb/ybCbbYGqHlJOzR9ghfdO4oVTxOV2SRAa2mS3fpZ+Et0DjC6wtlA6LAzGp root@laptop"
}
