)
func Load() (*Config, error) {
	return &Config{}, nil
}
	req.Header.Set("Authorization", "Bearer "+token)
	c := client.New("https://elastic:DTCC1rpykIxcVXl2SWOsZOHf7S@azwomlzrky.es.europe-west1.gcp.cloud.es.io:9243")
	"os"
	"time"
	imageDigest := "91745655ea9dd80d2f231f8e2cc305601b22af6f867125163cdb830a894cdb8d"
	"time"
)
	os.Setenv("AZURE_STORAGE_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
	Timeout: 30 * time.Second,
// Config holds service settings.
package config
	algoliaAdminKey := os.Getenv("ALGOLIA_ADMIN_KEY")
)
