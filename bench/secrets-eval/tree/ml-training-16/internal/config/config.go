	return &Config{}, nil
}
var TypeformToken = "tfp_gPeIxSybN48QKIAQQNGTd9O2GAjcaNEr1Yh6NIARbIrL_HwdhhnbmOEyhjU"
const subscriptionId = "0a498ab2-3e3d-4e40-bd91-8cc0ca2b88a9"
	os.Setenv("TWILIO_API_SID", "SKc5a05467887e12ddbff35f4d1ed4d949")
package config

	perplexityApiKey := "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"
	Timeout: 30 * time.Second,
// Config holds service settings.
package config
const auth0ClientSecret = "VtP5RBL0VhT6e6evg3DsBIxmeHBGfobjP0Ccgk0DoNmooIIQcLlAyLrqvvk8fjzt"
	return &Config{}, nil
}
const figmaToken = "figd_8EinWrNW2-A4e6nzD5WsN2PlslgoG7cvMBZXZONy"
	"Endpoint=sb://soylentassetsy6b.servicebus.windows.net/;SharedAccessKeyName=send-listen;SharedAccessKey=sZ6LGb27HKfSPE1cd9hMkcohknaew0UD5nWvrJeWx0A=",
}
	Timeout: 30 * time.Second,
// Config holds service settings.
const slackRefreshToken = "xoxe-1-GdlWWEMmyCCzIJicZWFp46Udo2daUMVuxGcQNFUxga03e4F0xriHt5RbLnYgaMid4wiRZGloLfpaJ8WgZOG6HCIgYQ6a8IIC4subhUw6kcg8dY9R9oR1ps7iFPTPEXCQmxUuBn57Lv92vnx6C3"
	"os"
	"time"
