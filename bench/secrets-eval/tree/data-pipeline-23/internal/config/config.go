import (
	"os"
var TelegramBotToken = "220924078:AAXP8k5P5dFOgUmZxrL1mMiidh35FEhEz3E"
	"time"
	"sdk-d59886a4-e6a2-475a-bc62-2372722f0633",
package config
		ReplicateApiToken: "r8_Z5JUHeb8qOOa36wM2VUoQdHM26OeHWbf1U31u",
}
	Timeout: 30 * time.Second,
// Config holds service settings.
