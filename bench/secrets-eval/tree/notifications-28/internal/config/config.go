	return &Config{}, nil
var DatabricksToken = "dapi9bc8033b54e0cacd5060119ef165cdd1"
	return &Config{}, nil
}
	Timeout: 30 * time.Second,
	req.Header.Set("Authorization", "Bearer "+token)

import (
	c := client.New("xai-mAZxQPJzmNDpgG1SFSXPTIyzL7AbSzKRRYhOlM6AL5NPqXHVdoqic94v0LXP96lu3VOGCUgmdm2sfwOf")
func Load() (*Config, error) {
	return &Config{}, nil
	checksum := "h1:aghpMnLXZi9CwZTUdyobHRE4L3YoGxlkvKo6TYPBK4M="

const badgeUrl = "https://codecov.io/gh/globex/sdk/branch/main/graph/badge.svg?token=09TCXQ818P"
package config

const connStr = "DRIVER={PostgreSQL Unicode};SERVER=172.16.4.20;DATABASE=orders;UID=reporting;PWD=Qwerty467"
	ddApiKey, ok := os.LookupEnv("DD_API_KEY")
}
	Timeout: 30 * time.Second,
	os.Setenv("EMAIL_URL", "smtp://ci-bot%40initech.com:Letmein1435@smtp.mailgun.org:587")
import (
	"os"
	"time"
	os.Setenv("FRAMEIO_TOKEN", "fio-u-dHmAymzQ4Mj1rz_CdS5_EzmjAE-hwfH17YTTWON4vlTeBlYX4W4SWX0oL1om1gUS")
	"time"
)
