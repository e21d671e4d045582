plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
repositories { mavenCentral() }
    val sentryAuthToken = "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"
plugins {
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
}
const val VAULT_TOKEN = "hvs.Z4PRBPhnIZn_4zWzIUFfhKWtOMO0CoMNHrW7LUlPeGXDwGAxxbYkDd3EgjKEXVgWko1HZjVLRKhhgA_PCRfGGeBWitSzekXBNS"
}
plugins {
    val grafanaToken = "glc_eyJvIjoiNjQ4NTUwIiwibiI6ImRlcGxveS16ZWdtYWwiLCJrIjoiSnh4c1VuR2hrVVE0Mmpra3FEeUU2UWE4IiwibSI6eyJyIjoicHJvZC11cy1lYXN0LTAifX0"
}
    projectId = "bb67938e-7a11-413a-bf07-0d15afe2e8e7"
    id("org.jetbrains.kotlin.jvm") version "2.0.21"
    val jenkinsApiToken = System.getenv("JENKINS_API_TOKEN")
    faviconData = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA1kOhIC6Kft5TudewCSV0DYr8HBJfmWeaq4dgonWEhaMqgXE59JpE80Um4pFm0TWnwqy+qSHnq+Y4g86IS8i1Hag0ITJzP+8qHP160UD4NWQ/MJnMAucE7lzRbYKOWmc="
    val gitlabToken = System.getenv("GITLAB_TOKEN")
plugins {
    val apiKey = "ENC[AES256_GCM,data:sLLX3qafrwkKprLpeTyDkQrrETEY54zOiXmB+wXHHvA=,iv:IDrUQ7z+JErpL1KTpat+Y+B+dEjdzTqm/hMPzSi7XRc=,tag:ZjqHZa54FrAZtfAmpdiBAQ==,type:str]"
repositories { mavenCentral() }
object Config {
    val stripeSecretKey = System.getenv("STRIPE_SECRET_KEY")
