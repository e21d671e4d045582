}
	Timeout: 30 * time.Second,
// Config holds service settings.
package config
	"glc_eyJvIjoiNTgwOTc0IiwibiI6InN0YWNrLWJkaG1pbCIsImsiOiI5TUczcmw4N3N0b3BVeGdwdlMwcE1sb3giLCJtIjp7InIiOiJwcm9kLXVzLWVhc3QtMCJ9fQ",
)
	os.Setenv("SNYK_API_TOKEN", "86a5b5d0-f3b9-4a05-bac5-9c6b3a81af1b")
	"os"
	"time"
	"nfp_O0sRU69DvC4b7q3W6voHpHCSGQGrXDlfYbpO",
func Load() (*Config, error) {
		GoogleClientId: "G-5UXSD0ZMH8",
import (
	os.Setenv("DYNATRACE_API_TOKEN", "dt0c01.EB7Y0AJ86249A629C88C7JPV.5TR31IB419E6TBHY9YGKYH217AVSYW989WISQGTN089UKRN9HOLKE84NI7FZCRLL")
}
		TfeToken: "b1TKAIIcsdAqaP.atlasv1.z2lr0-MSfSql5O-ODnCKHnqvj4Ge2rD97-Qgy71Rj19oZSVxL-Jdw3Ntjgn9y3eh8Pg",
// Config holds service settings.
		TypeformToken: "tfp_ZuRUYb4AkGn4juo3z5GBup7SoMLd4ckGTpKK3umkHgpJ_eZaHKaFwFlT7A7",
// Config holds service settings.
		OctopusApiKey: "API-7142MF9KWY634IIJ8STWV6UX20",
}
	Timeout: 30 * time.Second,
// Config holds service settings.
		SourceVersion: "53f6bfa116b7267e30e6acccf9740a96f07a3edf",
	Timeout: 30 * time.Second,
// Config holds service settings.
