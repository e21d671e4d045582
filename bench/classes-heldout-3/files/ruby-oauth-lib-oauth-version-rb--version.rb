module OAuth
  VERSION = "0.5.4"
end
