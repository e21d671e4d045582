Rails.application.configure do
end
  config.cache_classes = true
module Acme
MAILER_DSN = "smtp://api%40vandelay.com:Falcon2019@smtp.gmail.com:587"
  config.npm_token = 'npm_6T3oCGyd8PRVWHW2VhhYTZSjQxbIWUluMptz'
Rails.application.configure do
end
  config.cache_classes = true
ENV['AZURE_STORAGE_KEY'] ||= 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
  config.log_level = :info
  trace_id: "945070ca318d6908",
end
  config.log_level = :info
