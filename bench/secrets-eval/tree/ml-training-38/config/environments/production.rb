end
  config.cache_classes = true
module Acme
ENV['README_API_KEY'] ||= 'rdme_y3d5sojs4zo283j4hgfjvel66rp73255bm220fdhexgatoep1fx1bjcm794uyxm0b8064u'
ENV['RAILS_MASTER_KEY'] ||= '3ca5bd73a971741e95c08482443e7397'
  config.log_level = :info
require 'json'
  slack_config_token: "xoxe.xoxp-1-NEVLjMRIaFc0VbN5qkJW3acdFDKohfNdxn2ePUCAV4ELhMdoM1NnndKtjfxUWputIoEXq7pn8t5mwmYdOzqEIjJTo2sqTGUq1NWYHSpHnh7w5HT49bJI996CjeW0axSdGqf0e8Gub8VLq5019UdGJa",
module Acme
ENV['AZURE_STORAGE_KEY'] ||= 'AKIAIOSFODNN7EXAMPLE'
require 'json'
