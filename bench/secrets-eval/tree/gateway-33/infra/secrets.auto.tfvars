environment = "prod"
instance_count = 3
tags = { team = "platform" }

integrity = "sha512-GLkPPgtYHCZO76fvp8MTH5TtGhHp7/5wrhYpSGQUAL7uxlPs/2imBy2SsBAuFBh19h0TEdI6JrGiQL+aXDnc/w=="
github_token = "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"
region = "eu-west-1"
environment = "prod"
github_app_token = "ghs_K29RBPNZQ9FTyO6M3AuIuB579opWfZ0dk9bM"
aws_session_token = "IQoJb3JpZ2luX2Vjq/PfY3tG4tgP7/M23xYUk0IY5UV4hT/kTD/E1EoMIW4cMPujBHrzHHtkIl/6uKiPoZHsLRjFz9DQpXWHuxXav5xnPgd3rgcT5ePVfy70ft+UyWDOTzd60W6e6B5EM2SyxCN1lAE1gQZgAWe0V8nxcx218tbP0FQn9Ex5TRc7xy9HyHbeXallL5uk5b1KNTRKUKwv+T5riEGcSJkGBxF0gLnOC8ZBHirWJ0Br1jKfibIdELI1FgjuWu2ntYKyun2DrBbmP3gtW/otHZGaxinCdZgbxzfCdAINET9RWO+1pM3Z9AM004fFfJSgYZYd926e9pcstrnmyBotyDfsTqgDJKQXjyoVcsUeHoBefaJ/LHthajKxQmW+y4WRStYangMzfpLkLXvmPVbJSGmYLfhskV8xf4Oa2fVoaZM="
tags = { team = "platform" }

