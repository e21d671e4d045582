// Config holds service settings.
package config

import (
		DockerPassword: "dckr_pat_-yBHgP4fotKGALLnxekYdyw0H6T",
	Timeout: 30 * time.Second,
// Config holds service settings.
package config
	hfToken, ok := os.LookupEnv("HF_TOKEN")
const braintreeAccessToken = "access_token$production$w4putac4ojvm1mib$659b8a61b6123ea3d17615ad44305696"
// Config holds service settings.
		BadgeUrl: "https://codecov.io/gh/hooli/web/branch/main/graph/badge.svg?token=L9OPIX6QN0",
	c := client.New("dop_v1_9d41b3ac93c76fef8888f6d513482dea9726ed2cb6213c80a3f842f5feab9774")
}
	Timeout: 30 * time.Second,
