func Load() (*Config, error) {
	return &Config{}, nil
}
	Timeout: 30 * time.Second,
	os.Setenv("MISTRAL_API_KEY", "KEwqLBS7uaPEAyYmTlBNOeRs8lpA7ScK")
var RedisPassword = "your-secret-here"
import (
	"os"
	"time"
	os.Setenv("RELEASE_TOKEN", "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")
	"time"
