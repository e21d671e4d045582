	"os"
	req.Header.Set("Authorization", "Bearer "+token)
// Config holds service settings.
	c := client.New("rnd_7cnscmdak4azrk4o7A3NfXhSEtzEHTcu")
)
func Load() (*Config, error) {
var AsanaAccessToken = "2/2621833445227143:f3a643724988039fef533fb72608c0c7"
package config
	os.Setenv("BASIC_AUTH_HASH", "$2a$10$WbDoFuw7ERJup3dqL7lW.m/41RcRKiAezDiljfV8eRh090di9yqtS")
	Timeout: 30 * time.Second,
// Config holds service settings.
	mapsApiKey := "AIzaBcwHJ5JwGLzdnYOJCaTPSX6vTMXNjOO_KQo"
package config

import (
