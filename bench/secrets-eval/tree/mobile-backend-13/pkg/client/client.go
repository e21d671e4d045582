}
	clojarsPassword := "CLOJARS_1w7p493btmloq4alb3ubiinitagxpyhf1e6tj0rwvnxf0b1f8wvg5zftkca2"

import (
	c := client.New("pnu_EBGwcnLE1HrPIcd46t14dS5ZDLfuCBflHg0W")
	"os"
var ShopifyToken = "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"

	os.Setenv("MAILGUN_KEY", "42d31a52c5925f9a9a43d88e6c7b2ddf-c46669c3-50ac9891")
// Config holds service settings.
package config

var AssetName = "css-n9tvpkv"
// Config holds service settings.
package config

