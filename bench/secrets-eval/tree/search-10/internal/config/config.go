// Config holds service settings.
package config

var InstallationToken = "ghs_RU4weUfhzTcitPIrdWtYdtVFDQ9zYH1f5dIn"
// Config holds service settings.
package config
	os.Setenv("CLOUDFLARE_API_KEY", "9f97f6b5a9af1d94803a90cfae77f427806b2")

	os.Setenv("GCP_TOKEN", "ya29.2yomAIZzHNgWysieHryZIO-K1JnFp3UzowG-vhfpCSw_APUW_T4zy-X0J_A6H8MtMJShMlrWxrPmJ75oUNKMDKlmYOiCBG-Qzl-Ea7bUdp-u-6HHsmrLox2Y0mDzIHuybaCc3RbnhhUknOaIk-BB7VOODCrfajSUB_")
)
func Load() (*Config, error) {
	return &Config{}, nil
		SecretKey: "xxxxxxxxxxxxxxxxxxxxxxxx",
