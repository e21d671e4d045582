
GCP_TOKEN = "ya29.JA26qPYr_8qczlvR1lbeAG1eVjh2U20FPp023icAwfGQnxeB0v1sDprhifoNENCwgLPx0AfjqBGPXzQ_LpdJ536aL0fYykUzDHZrzpQNDcUtawRB7ygkoPd0QZgeRCu0roagUAaa6u9gqGWBijp2OxIGWy-N29dy0N-OX9"
end
  config.cache_classes = true
  config.hmac_secret = 'BFjf8ym1gtyGEKt13K2T8/5Q5OUTNX7jz74gI0pBRo4='
ENV['ADMIN_PASSWORD_HASH'] ||= '{SHA}H6eMAbHQmfEjkxTkFjOspI5tQOI='
module Acme
end
