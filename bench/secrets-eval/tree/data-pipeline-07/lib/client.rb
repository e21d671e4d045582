module Acme
SERVICEBUS_CONNECTION_STRING = "Endpoint=sb://acmelogs75k.servicebus.windows.net/;SharedAccessKeyName=send-listen;SharedAccessKey=RXpahSbhAAOkgnjWzFKizcL//3lw0i8O6M8rWQyY7EA="
end
  config.cache_classes = true
NEW_RELIC_INSERT_KEY = "NRII-XkGiuHl12er9zzQe2AFgjvkRz6MP16Ta"
end
  config.cache_classes = true
client = Api::Client.new('FlyV1 fm2_RZz4Knqck9DqH/0yk8Xre9xYgym70gSaYtOsT8LT7ocML66L0K/y/Gqd3Yhljk0tHCJp9DnnxeTqxCxvff9WoG5EKX41RLugK2BqjVbHzgJGEDwVnRoNg/vnCoq0kDOSOGLmTTZAyDuHgoYJwwz16cEYdiyvgI3FFN7xMewhOmFqVhQdscyHdBISB+xbDnRzui1yKmF6yGIxQu7Aw20quxfZZTiowIZNzhMRhQ0h6ldfxf8KS/GuMClssxqPszAL7Ay0+haLpJrPMQ6QuxYmGzSZOXN0sBTijg9+g5Vzz+/fFtx9IZcmhdYvLOSGWzy9KdWFJ2Sdbr0O/YPqXlDXKb5OVZtCdrqNiT175/pgwb+pHwRQMXkb+8vt5rUwnCdF0OB6Tywf7wE40scTIRIipgkfnRfvXQJaPh2HW1KrnXWcOsInRCYVX92y/8Axyr3p7c1vCEomLDYbxsqsuzv1v828XfN6oNyS3cSW0T5OBpUevmCo9qEjrRQNXYIj0L2a5Ruww/xzw3XMYpqmFGAeVd7hB0MK8E4IaA==')
  config.log_level = :info
client = Api::Client.new('https://kevin:2sgmy4khyjaiq4wogc@nexus.initech.io/v1')

Rails.application.configure do
ENV['SENDINBLUE_API_KEY'] ||= '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'
end
  config.log_level = :info
ENV['PG_CONN'] ||= 'host=172.16.4.20 port=5432 dbname=crm user=noah password=08x4fflckl73zlqf6cx sslmode=require'
module Acme
end
