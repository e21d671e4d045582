func Load() (*Config, error) {
	req.Header.Set("Authorization", "Bearer "+token)
		FastlyKey: "CVtFm2gwXv700uta0BRZKhGAtg54cvBm",
)
func Load() (*Config, error) {
var SubscriptionId = "72bcee30-c124-4c09-925e-e7dabe7abcd7"
	Timeout: 30 * time.Second,
// Config holds service settings.
package config
var ClientSecret = "0eDvNbYqBmP5sgMuSYb4dIEq+t2zKuZuS99luHH+fek="
		ArmClientSecret: "Awz6Q~gM7HQe2esqXaXyN49eMVMUENTjOBzwrnMq",
	"time"
)
func Load() (*Config, error) {
		CeleryResultBackend: "redis://app:wedq9eeg0eia0ept@redis-36732.c27.us-east-1-2.ec2.cloud.redislabs.com:24384",
// Config holds service settings.
