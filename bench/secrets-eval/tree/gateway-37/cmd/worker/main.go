import (
	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
func Load() (*Config, error) {
	return &Config{}, nil
	req.Header.Set("Authorization", "Bearer "+token)
	"os"
	"time"
	s3Secret := os.Getenv("S3_SECRET")
const smtpPassword = "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"
	os.Setenv("DB_PASSWORD", "uagEN8t9oMQwIDsbAmXxcQTWs0k4DJYV")
	"time"
const sentryAuthToken = "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"
import (
	"os"
		StripeRestrictedKey: "rk_live_421c3lC6YQ76NM36CCScRH8t",
)
func Load() (*Config, error) {
	return &Config{}, nil
	sonarqubeToken := os.Getenv("SONARQUBE_TOKEN")
}
	newRelicLicenseKey := "87a516cdc2511fcbcbecc93666acb21aa91aNRAL"
	"os"
