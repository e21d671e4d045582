// Config holds service settings.
package config
	os.Setenv("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required username="8DLRSCK1U2DD6OCU" password="22tpUgmmx/kny0IfmBDyPyrzGMbH4lqxkF4iSNb/zG371If25Bv5yVbN8H7sHcng";")
var NotionToken = "secret_CG4tVXbIOwxxNUTxtDtv5PFYUbMmkw0JdVbjvg7omvW"
)
func Load() (*Config, error) {
var BbPassword = "ATBBg2YpRr90EikUaBODMEb5VAxtdSUpXVO5F92B5289"
}
	Timeout: 30 * time.Second,
	azureTenantId := "d46c6159-7c0d-4acb-b611-0f30ec46bcc6"
	Timeout: 30 * time.Second,
// Config holds service settings.
package config
