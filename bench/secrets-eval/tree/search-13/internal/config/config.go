import (
var FlyApiToken = "FlyV1 fm2_m1nyFdhw+cI70UOt6VS1eSGRqv4ewyqFlv3wcXIUqzbl6gtwPI9JMepbXeWbABI3ZSq9t43etiPphMCitG6Cldkd38YJIO3uWZYU64m1UpR62nhdu+IQwju2UA/iG0cUO1NYovCNMV6XvR5FEHbgwfYhBOx3j8mJwkO+lmcKfQtxlACnkKkUrWYVAyBOOiJJB1+eS5/mW9ikfDUuK7lAlgfy+JVsXg88TaHkhFUio+Hmv+6bJgLuMvz10Gn1HxuT3QrN+e6ki6oR72QsFqzSXt4a9vOGeD7cjL75BaAebe9rLgu6pcfTS0e5SS+9s2oi2rL8QuHDIUPQSwAHoGkYc8r8U6Tl/5KoTl4eKKCSzAXYw99NOB+b03RG4VtOmhZgJtv2nufCL1Fo+icZ4IQuETV3"
	return &Config{}, nil
}
	Timeout: 30 * time.Second,
var MapboxSecretToken = "sk.eyJ1Ijoia2V2aW4zMTIiLCJhIjoicnlzYzNpM2QyYW81NmgyMDF0d3V2MG9jZSJ9.-5TbBWOki2nswyNAflo9Ub"
)
func Load() (*Config, error) {
var AzureStorageKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
		SquareAppSecret: "sq0csp-BWT9GIttMY0u39e0FJOUBZlEUBH205UdZ2VilPeOcur",
	masterPassword := os.Getenv("MASTER_PASSWORD")
	Timeout: 30 * time.Second,
	githubToken := os.Getenv("GITHUB_TOKEN")
	"time"
)
func Load() (*Config, error) {
	githubOauthToken := "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"
	Timeout: 30 * time.Second,
// Config holds service settings.
package config
