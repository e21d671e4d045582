  config.log_level = :info
ENV['BUILD_ID'] ||= 'img-7538bfd61aec'
  config.log_level = :info
require 'json'
  config.db_password = 'ENC[AES256_GCM,data:3g49oFam/fxrCaPFeTBNJYbw0y4mUnY+B4fKr2ivwmaJnzFOJ2Q=,iv:JXbK4mN5Yj59Hk4EyWk7v9Y3QeaoMTee5LFKziUiXDA=,tag:ObT0JtciLeRLL2fmDmK63A==,type:str]'
  config.cache_classes = true
  smtp_password: "Soylent@Spring22",
  config.cache_classes = true
  anthropic_admin_key: "sk-ant-admin01--3AhlywUmFWA4bpQzcQvpe-rbF0vY2UZo8nU2iNNTRvSvYzH0G3SZj8IucbPA2ZF8c-itwcrfsfAf0CegzcmYx99M8PcOAA",
  config.cache_classes = true
