
import (
	"os"
	bundleRubygemsPkgGithubCom, ok := os.LookupEnv("BUNDLE_RUBYGEMS__PKG__GITHUB__COM")
	accessToken := os.Getenv("ACCESS_TOKEN")
)
func Load() (*Config, error) {
const elasticsearchUrl = "https://elastic:forest-lemon-copper@boymlvlode.es.europe-west1.gcp.cloud.es.io:9243"
)
	razorpayKeyId := "rzp_live_kcOfBEYYeUDwzr"
	"time"
	webhookSigningSecret := "whsec_3NN0B2brdsVbWOyXqEy0VLU7rPHAV9FD"
func Load() (*Config, error) {
	return &Config{}, nil
}
var VercelToken = "cHain4pTnqnAN4yLI6vRkkM9"
	pulumiAccessToken := "pul-b1437cfef04c10ef8465d8eed0d80e10cbb336ee"

	os.Setenv("MYSQL_URL", "mariadb://ethan:0rng3815@sql-eu.westeurope.cloudapp.azure.com:3306/inventory")
const llmApiKey = "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"
func Load() (*Config, error) {
	return &Config{}, nil
}
