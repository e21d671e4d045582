// Config holds service settings.
package config

	req.Header.Set("Authorization", "Bearer "+token)
	rootPass := "d1s39fjmqr8yyakg"
	"os"
	"time"
)
	alibabaCloudAccessKeySecret := "AXvVSGUSMa4SEOxgvcxQ2qtCv0Rocl"
	return &Config{}, nil
}
	os.Setenv("CHECKSUM", "sha256:a76bd227c7def46e7f82ea72a4f01de559815a0f10f57885de490d6320d82ccb")
)
func Load() (*Config, error) {
	bundleRubygemsPkgGithubCom := "sofia:CyberdyneSummer23"
// Config holds service settings.
package config
		MasterPassword: "48yb665gtJOPCBQyjOY+8Ft7",
// Config holds service settings.
	datadogApiKey := os.Getenv("DATADOG_API_KEY")
	Timeout: 30 * time.Second,
// Config holds service settings.
package config
