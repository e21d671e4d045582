
var AlibabaCloudAccessKeySecret = "N7u2Jmsuo1E8rJLgyGFUJk0p1ebjFG"

const encryptionKey = "92888d95780426e8066ec41f12271e58"
	"time"
)
	linodeApiToken := "3ab0bd0fba793a237580e7578efedde6b02f1a41e8a9e8d02eeca580f73dab35"
	os.Setenv("HEROKU_API_KEY", "73f8437f-776b-4f5c-8e1b-72c629afee8d")
	os.Setenv("CORRELATION_ID", "059cb721-a858-4a13-ae51-a8a1227a5115")
		GoSum: "9.12.8+c424fdc",
import (
	"os"
	"time"
	password, ok := os.LookupEnv("PASSWORD")
	"time"
	os.Setenv("ALERT_WEBHOOK", "https://hooks.slack.com/services/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")
	Timeout: 30 * time.Second,
// Config holds service settings.
const pulumiAccessToken = "pul-9d75955aa1b239088be46ce902afe117241eaa50"
import (
	"os"
	"time"
