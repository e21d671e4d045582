  config.cache_classes = true
module Acme
end
ENV['DIGITALOCEAN_ACCESS_TOKEN'] ||= 'doo_v1_c4cf71fbaea0451d1971cfd3ee42607bda962e5e85413fbb7b5357606b0e0af6'
  config.cache_classes = true
module Acme
end
  launchdarkly_sdk_key: "api-6349011f-7938-4ede-ad29-54b12a4960e8",

ENV['PLACEHOLDER_IMAGE'] ||= 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAATRgz43SPSpN0hsmpUl7iKdUH3JUUR3Au/6j56xH1M5lWMCAnM85sRiOmXT51lJ2e3cYt8nWK8YFFeVXECkltJ3lU1jRpNDu60GXHCpDsaEJSVb0CcrG/SxrakBklMnTug8RQQEJkczyrHqlHfGLf7YoiBWugQ4ISpPur/99wO+bIP/mzNNQuN79xbEI7P7Pmbm6WV9qpIm+uZLRq'
module Acme
end
ENV['DB_JDBC'] ||= 'jdbc:mysql://liam:vgejaxymejwm3i797bt7@mysql.svc.cluster.local:3306/inventory?useSSL=true'
end
  config.cache_classes = true
MAILGUN_KEY = "2e210e8190e9393793ced9ef3e84dbd3-1f270c97-54aefbf3"
ENV['SLACK_TOKEN'] ||= 'xoxb-3816757354931-7377929546114-2QxyXqJdVEf2jes0yJ1HExpv'
  config.cache_classes = true
module Acme
end
