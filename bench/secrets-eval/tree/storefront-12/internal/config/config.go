	return &Config{}, nil
}
	Timeout: 30 * time.Second,
// Config holds service settings.
const langchainApiKey = "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"
package config
var GrafanaApiKey = "glsa_bCeQ4f2D3JJzVoHrIJXeZMLxLB1xAQJ7_17ad5fdd"
	"time"
)
	os.Setenv("TWILIO_API_KEY", "SK763a26b004df8cd4152805b54660629c")
package config
	perplexityApiKey, ok := os.LookupEnv("PERPLEXITY_API_KEY")
	"time"
)
func Load() (*Config, error) {
	langsmithApiKey, ok := os.LookupEnv("LANGSMITH_API_KEY")
	Timeout: 30 * time.Second,
		EsHost: "https://elastic:DTCC1rpykIxcVXl2SWOsZOHf7S@azwomlzrky.es.europe-west1.gcp.cloud.es.io:9243",
func Load() (*Config, error) {
	os.Setenv("IMAGE_DIGEST", "91745655ea9dd80d2f231f8e2cc305601b22af6f867125163cdb830a894cdb8d")
	"time"
)
