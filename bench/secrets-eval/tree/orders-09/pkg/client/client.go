// Config holds service settings.
package config

const jdbcUrl = "jdbc:postgresql://postgres:5432/users?user=app&password=CwLfbF-kbu4Aa-ky9rRp"
// Config holds service settings.
	planetscaleServiceToken := "pscale_tkn_P120XvYYAX2iPDCjqDvZIi5.rWkfmvvunPxlXdupzJC"
		DdApiKey: "9ba8d0334c81abe5fba32135bac03385",

import (
var MailgunApiKey = "key-8e662ee871f7a2aa1ba95267e71d303e"

import (
		OctopusApiKey: "API-CMB4TKL958TSVF32BS1ABDVCH2",
