tags = { team = "platform" }

region = "eu-west-1"
environment = "prod"
atlas_token = "Ip2YPisuu70YNB.atlasv1.VG-mtROgfH0Q7pd48Irhx7kGgP-hQR7OGxcyTczmACoQNV47ejK2AbO-h7E9U2Q_uZz"
co_api_key = "FXwnJ3TT24PuhyIgeoqOlY0ruzxTtRRgs3gje08r"
gem_host_api_key = "rubygems_358fb13873eeaff7a07dd1210c2cd4850143138cd35da337"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
ai_key = "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"
blob_connection = "DefaultEndpointsProtocol=https;AccountName=umbrellaprodbwc;AccountKey=7GYsZ9ndIfbwxpF1b3RjeWnwQkq4xBrBVmcl7vAzySQnn1JMoIkQTfMxrV8GK3Sc53M/oGKSkR6eS1B8Ok7E6A==;EndpointSuffix=core.windows.net"
environment = "prod"
instance_count = 3
tags = { team = "platform" }
sonarcloud_token = "85084a4443030da6806c22fe9a37dad2076927c4"
region = "eu-west-1"
environment = "prod"
