
SLACK_CONFIG_TOKEN = "xoxe.xoxp-1-LZYUY5BA3czjDtehRFTRIv3oS2iekF58B3hzJe3m9cjsD9UVk22appQ6fxfXfI58XlPJDoQiFid8zXCbUho00TUCajbNfByQhMeUMqn4vzOszGlZSUwIDp6RhVlUJ2HOQLjiCrjR2DsPRb9o7de8Nj"
  config.log_level = :info
  cookie_secret: "0JU81GLmjC6h5mKO7MwotOyra1tgRjhxYOqRl6K6wf4=",
end
  config.log_level = :info
GIT_TOKEN = "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"
  config.cache_classes = true
module Acme
end
ENV['FLW_SECRET_KEY'] ||= 'FLWSECK-ba9f50fe403d5037aaebf31548ab1f14-X'
end
HUBSPOT_ACCESS_TOKEN = "pat-na1-7e9c10b8-662f-4891-9a5d-54029bb964dd"
require 'json'

Rails.application.configure do
