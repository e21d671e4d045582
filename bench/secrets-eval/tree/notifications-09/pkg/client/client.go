func Load() (*Config, error) {
	return &Config{}, nil
}
	Timeout: 30 * time.Second,
const azureStorageKey = "ygx59s+BRXZC7L923MdrUd5INIpS6LTzlka5i0YkKciQLvmEGlO6AecSQ6uORXH5wSP/bSCv2+Gt4ZrosIN9aQ=="
package config

import (
var JfrogApiKey = "AKCp3bLfpH8zelY5GP7wFoqVoyUsDlyVVhYMfDIFs5Lahin8Tbkciv3AHhzaJgXXSYSHYUtrW"
func Load() (*Config, error) {
	pipIndexUrl := "https://billing:Anna.pepper54@api.initech.io/hooks"

import (
		MailKey: "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",
	"time"
		CosmosdbConn: "AccountEndpoint=https://acmelogsp9q.documents.azure.com:443/;AccountKey=x04xko8Zj074thDUdXzumBSV+kfoKwn+sn0Dx6Z00IQMoV/KD0Y42IdezJqyw3cl/LRCKShjXP9V+6qcSfLrYQ==;",
	"time"
const hubspotAccessToken = "pat-na1-b90d06bd-51ac-4eec-a19e-fd745e9a97ff"
func Load() (*Config, error) {
	return &Config{}, nil
