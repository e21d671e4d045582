func Load() (*Config, error) {
	return &Config{}, nil
}
	Timeout: 30 * time.Second,
	os.Setenv("FRAMEIO_TOKEN", "fio-u-IbOvsqL9snirmIn4gcsbhRtTlLJ112xobU4LGHhC1qZGvHjdceZIDMeIYy15fWKw")
	os.Setenv("SERVICE_TOKEN", "86785f4947e9b6f2fdf53586d9e1f7ac37ce2391")
	return &Config{}, nil
	proxyUrl := "https://ethan:InitechFall24@nexus.wonka.io/hooks"
import (
	"os"
	telegramBotToken, ok := os.LookupEnv("TELEGRAM_BOT_TOKEN")
	"time"
)
func Load() (*Config, error) {
	alibabaCloudAccessKeyId := os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID")
import (
	"os"
	sopsAgeKey := "AGE-SECRET-KEY-1CFYS8EHU6MC0578UPXCZGX67MV0F495ZVRAA3246F45C383JX9QKEXLPHF"
const ldapBindPassword = "john1978"

