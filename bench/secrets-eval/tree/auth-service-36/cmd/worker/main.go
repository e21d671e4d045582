	"os"
	"time"
)
func Load() (*Config, error) {
	req.Header.Set("Authorization", "Bearer "+token)
func Load() (*Config, error) {
	renderApiKey := "rnd_gLp62N0Hu9XQvID3tk0zrhNyvUIHmtni"
import (
	"os"
	"time"
var SentryAuthToken = "${{ secrets.DEPLOY_KEY }}"
// Config holds service settings.
package config

